"""ACM certificates and API Gateway regional domains as a per-region API needs them, patched into moto 5.2.5.

- DNS validation: moto issues an AMAZON_ISSUED certificate only once it has been described
  more than 60 s after its request (`MOTO_ACM_VALIDATION_WAIT`). Nobody answers DNS here, so
  the stand-in rule is: a DNS-validated certificate counts as validated
  `DRPAIR_ACM_VALIDATION_SECONDS` seconds (default 1) after its request. Waiters still see
  PENDING_VALIDATION first.
- Regional domains: moto takes any `regionalCertificateArn`. AWS wants an ISSUED ACM
  certificate of the domain's own region; `install()` enforces that on CreateDomainName, so a
  test proves each region's domain got its own region's certificate.
- Base path mappings: moto answers GetBasePathMappings with a 500 (KeyError) for a domain that
  never had one, and keeps a deleted domain's mappings for a domain re-created under the same
  name. A new domain now starts with no mappings, and deleting a domain deletes its mappings.
- UpdateDomainName: missing from moto; added for the one change a DR provider makes in place,
  `replace /regionalCertificateArn` (same check as above).
"""
import json
import os

from moto import settings
from moto.acm.models import acm_backends
from moto.apigateway.exceptions import BadRequestException
from moto.apigateway.models import APIGatewayBackend
from moto.apigateway.responses import APIGatewayResponse

_installed = False


def _check_certificate(backend, arn):
    """The regional certificate must exist in ACM in the backend's region and be ISSUED."""
    parts = (arn or "").split(":")
    if len(parts) < 6 or parts[2] != "acm":
        raise BadRequestException(f"Invalid certificate ARN: {arn!r}")
    if parts[3] != backend.region_name:
        raise BadRequestException(
            f"Certificate {arn} is in {parts[3]}; a regional domain name in {backend.region_name} "
            "needs a certificate of its own region")
    acm = acm_backends[backend.account_id][backend.region_name]
    if arn not in acm._certificates:
        raise BadRequestException(f"Certificate {arn} not found")
    status = acm.get_certificate(arn).status
    if status != "ISSUED":
        raise BadRequestException(f"Certificate {arn} is in status {status}, not ISSUED")


def _wrap_create(orig):
    def create_domain_name(self, domain_name, certificate_name, tags, certificate_arn, certificate_body,
                           certificate_private_key, certificate_chain, regional_certificate_name,
                           regional_certificate_arn, endpoint_configuration, security_policy):
        if regional_certificate_arn:
            _check_certificate(self, regional_certificate_arn)
        created = orig(self, domain_name, certificate_name, tags, certificate_arn, certificate_body,
                       certificate_private_key, certificate_chain, regional_certificate_name,
                       regional_certificate_arn, endpoint_configuration, security_policy)
        self.base_path_mappings[domain_name] = {}
        return created
    return create_domain_name


def _wrap_delete(orig):
    def delete_domain_name(self, domain_name):
        orig(self, domain_name)
        self.base_path_mappings.pop(domain_name, None)
    return delete_domain_name


def update_domain_name(self):
    """UpdateDomainName: `replace /regionalCertificateArn` only."""
    domain = self.backend.get_domain_name(self.path.split("/")[2])
    for op in self._get_param("patchOperations") or []:
        if op.get("op") == "replace" and op.get("path") == "/regionalCertificateArn":
            _check_certificate(self.backend, op.get("value"))
            domain.regional_certificate_arn = op["value"]
        else:
            raise BadRequestException(f"Patch operation {op} not supported by the stand-in")
    return json.dumps(domain.to_json())


def install():
    """Patch moto once; call before the server handles a request."""
    global _installed
    if _installed:
        return
    _installed = True
    settings.ACM_VALIDATION_WAIT = int(os.environ.get("DRPAIR_ACM_VALIDATION_SECONDS", "1"))
    APIGatewayBackend.create_domain_name = _wrap_create(APIGatewayBackend.create_domain_name)
    APIGatewayBackend.delete_domain_name = _wrap_delete(APIGatewayBackend.delete_domain_name)
    APIGatewayResponse.update_domain_name = update_domain_name
