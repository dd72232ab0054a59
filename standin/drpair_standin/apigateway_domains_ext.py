"""API Gateway custom domain names that answer with AWS's Route 53 alias targets, patched into moto 5.2.5.

moto gives every custom domain name both a regional and an edge (CloudFront) target, and reports
`regionalHostedZoneId` as Z2FDTNDATAQYW2, which is CloudFront's zone (the edge-optimized one).
A DR provider builds Route 53 alias records from `regionalDomainName` + `regionalHostedZoneId`,
so `install()` makes a REGIONAL domain report its region's execute-api hosted zone (AWS General
Reference, "Amazon API Gateway endpoints and quotas") and no distribution fields, and an EDGE
domain (the default) only its distribution fields. Base path mappings, including the empty path
"(none)", already work in moto and are left alone.
"""
from moto.apigateway.models import DomainName

# Route 53 hosted zone ids of API Gateway regional endpoints (AWS General Reference).
REGIONAL_ZONE_IDS = {
    "us-east-1": "Z1UJRXOUMOOFQ8", "us-east-2": "ZOJJZC49E0EPZ", "us-west-1": "Z2MUQ32089INYE",
    "us-west-2": "Z2OJLYMUO9EFXC", "ca-central-1": "Z19DQILCV0OWEC", "eu-west-1": "ZLY8HYME6SFDD",
    "eu-west-2": "ZJ5UAJN8Y3Z2Q", "eu-west-3": "Z3KY65QIEKYHQQ", "eu-central-1": "Z1U9ULNL0V5AJ3",
    "ap-south-1": "Z3VO1THU9YC4UR", "ap-northeast-1": "Z1YSHQZHG15GKL", "ap-northeast-2": "Z20JF4UZKIW1U8",
    "ap-southeast-1": "ZL327KTPIQFUL", "ap-southeast-2": "Z2RPCDW04V8134", "sa-east-1": "ZCMLWB8V5SYIT",
}
REGIONAL_KEYS = ("regionalDomainName", "regionalHostedZoneId", "regionalCertificateArn", "regionalCertificateName")
EDGE_KEYS = ("distributionDomainName", "distributionHostedZoneId", "certificateArn", "certificateName")

_installed = False


def _types(domain):
    config = domain.endpoint_configuration or {}
    return config.get("types") or ["EDGE"]


def _wrap_init(orig):
    def __init__(self, domain_name, **kwargs):
        orig(self, domain_name, **kwargs)
        region = kwargs.get("region_name") or "us-east-1"
        if "REGIONAL" in _types(self):
            self.regional_hosted_zone_id = REGIONAL_ZONE_IDS.get(region, self.regional_hosted_zone_id)
    return __init__


def _wrap_to_json(orig):
    def to_json(self):
        out = orig(self)
        types = _types(self)
        for key in (EDGE_KEYS if "EDGE" not in types else ()) + (REGIONAL_KEYS if "REGIONAL" not in types else ()):
            out.pop(key, None)
        return out
    return to_json


def install():
    """Patch moto's API Gateway DomainName once; call before the server handles a request."""
    global _installed
    if _installed:
        return
    _installed = True
    DomainName.__init__ = _wrap_init(DomainName.__init__)
    DomainName.to_json = _wrap_to_json(DomainName.to_json)
