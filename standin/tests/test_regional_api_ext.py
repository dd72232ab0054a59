"""ACM DNS validation and regional-domain certificate checks added by drpair_standin.regional_api_ext."""
import time

import pytest
from botocore.exceptions import ClientError

from conftest import PRIMARY, SECONDARY

DOMAIN = "api.example.com"


def dns_certificate(aws, region):
    return aws("acm", region).request_certificate(DomainName=DOMAIN, ValidationMethod="DNS")["CertificateArn"]


def status(aws, region, arn):
    return aws("acm", region).describe_certificate(CertificateArn=arn)["Certificate"]["Status"]


def create_domain(aws, region, cert):
    return aws("apigateway", region).create_domain_name(
        domainName=DOMAIN, regionalCertificateArn=cert, endpointConfiguration={"types": ["REGIONAL"]})


def test_dns_certificate_is_pending_then_issued_with_validation_record(aws):
    arn = dns_certificate(aws, PRIMARY)
    cert = aws("acm", PRIMARY).describe_certificate(CertificateArn=arn)["Certificate"]
    assert cert["Status"] == "PENDING_VALIDATION"
    record = cert["DomainValidationOptions"][0]["ResourceRecord"]
    assert record["Type"] == "CNAME" and record["Name"].endswith(f"{DOMAIN}.")
    time.sleep(1.2)
    assert status(aws, PRIMARY, arn) == "ISSUED"


def test_domain_needs_an_issued_certificate_of_its_own_region(aws):
    pending = dns_certificate(aws, PRIMARY)
    with pytest.raises(ClientError, match="PENDING_VALIDATION"):
        create_domain(aws, PRIMARY, pending)
    time.sleep(1.2)
    assert status(aws, PRIMARY, pending) == "ISSUED"
    with pytest.raises(ClientError, match="its own region"):
        create_domain(aws, SECONDARY, pending)
    with pytest.raises(ClientError, match="not found"):
        create_domain(aws, PRIMARY, pending[:-4] + "dead")
    assert create_domain(aws, PRIMARY, pending)["regionalCertificateArn"] == pending


def test_update_domain_name_swaps_the_certificate(aws):
    first, second = dns_certificate(aws, SECONDARY), dns_certificate(aws, SECONDARY)
    time.sleep(1.2)
    status(aws, SECONDARY, first), status(aws, SECONDARY, second)
    create_domain(aws, SECONDARY, first)
    ag = aws("apigateway", SECONDARY)
    ops = [{"op": "replace", "path": "/regionalCertificateArn", "value": second}]
    assert ag.update_domain_name(domainName=DOMAIN, patchOperations=ops)["regionalCertificateArn"] == second
    assert ag.get_domain_name(domainName=DOMAIN)["regionalCertificateArn"] == second
    with pytest.raises(ClientError, match="its own region"):
        ag.update_domain_name(domainName=DOMAIN, patchOperations=[
            {"op": "replace", "path": "/regionalCertificateArn", "value": dns_certificate(aws, PRIMARY)}])


def test_a_new_domain_has_no_mappings_and_deleting_it_drops_them(aws):
    cert = dns_certificate(aws, PRIMARY)
    time.sleep(1.2)
    status(aws, PRIMARY, cert)
    ag = aws("apigateway", PRIMARY)
    create_domain(aws, PRIMARY, cert)
    assert ag.get_base_path_mappings(domainName=DOMAIN).get("items", []) == []
    api = ag.create_rest_api(name="x")["id"]
    root = ag.get_resources(restApiId=api)["items"][0]["id"]
    ag.put_method(restApiId=api, resourceId=root, httpMethod="GET", authorizationType="NONE")
    ag.put_integration(restApiId=api, resourceId=root, httpMethod="GET", type="MOCK")
    ag.create_deployment(restApiId=api, stageName="live")
    ag.create_base_path_mapping(domainName=DOMAIN, restApiId=api, stage="live")
    ag.delete_domain_name(domainName=DOMAIN)
    create_domain(aws, PRIMARY, cert)
    assert ag.get_base_path_mappings(domainName=DOMAIN).get("items", []) == []
