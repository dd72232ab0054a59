"""API Gateway custom domain alias targets fixed by drpair_standin.apigateway_domains_ext; moto's own
base path mappings, SQS event source mappings and reserved concurrency checked as a DR provider uses them."""
import io
import zipfile

from conftest import ACCOUNT, PRIMARY, SECONDARY


def issued_certificate(aws, region, domain="api.example.com"):
    """A private-CA certificate: ISSUED at once, so it also passes stricter custom-domain checks."""
    ca = f"arn:aws:acm-pca:{region}:{ACCOUNT}:certificate-authority/00000000-0000-0000-0000-000000000001"
    return aws("acm", region).request_certificate(DomainName=domain, CertificateAuthorityArn=ca)["CertificateArn"]


def regional_api(aws, region):
    ag = aws("apigateway", region)
    cert = issued_certificate(aws, region)
    api = ag.create_rest_api(name="orders", endpointConfiguration={"types": ["REGIONAL"]})["id"]
    root = ag.get_resources(restApiId=api)["items"][0]["id"]
    ag.put_method(restApiId=api, resourceId=root, httpMethod="GET", authorizationType="NONE")
    ag.put_integration(restApiId=api, resourceId=root, httpMethod="GET", type="MOCK")
    ag.create_deployment(restApiId=api, stageName="prod")
    return ag, cert, api


def test_regional_domain_reports_its_regions_zone(aws):
    zones = {PRIMARY: "Z1UJRXOUMOOFQ8", SECONDARY: "Z2OJLYMUO9EFXC"}
    for region in (PRIMARY, SECONDARY):
        ag, cert, api = regional_api(aws, region)
        created = ag.create_domain_name(domainName="api.example.com", regionalCertificateArn=cert,
                                        endpointConfiguration={"types": ["REGIONAL"]}, securityPolicy="TLS_1_2")
        got = ag.get_domain_name(domainName="api.example.com")
        for d in (created, got):
            assert d["regionalDomainName"].endswith(f".execute-api.{region}.amazonaws.com")
            assert d["regionalHostedZoneId"] == zones[region] and d["regionalCertificateArn"] == cert
            assert "distributionDomainName" not in d and "distributionHostedZoneId" not in d
        ag.create_base_path_mapping(domainName="api.example.com", restApiId=api, stage="prod")
        assert ag.get_base_path_mappings(domainName="api.example.com")["items"] == [
            {"basePath": "(none)", "restApiId": api, "stage": "prod"}]


def test_edge_domain_reports_only_cloudfront(aws):
    ag = aws("apigateway", PRIMARY)
    cert = issued_certificate(aws, PRIMARY, "edge.example.com")
    edge = ag.create_domain_name(domainName="edge.example.com", certificateArn=cert)
    assert edge["distributionHostedZoneId"] == "Z2FDTNDATAQYW2" and "regionalDomainName" not in edge


def test_sqs_event_source_mapping_and_concurrency(aws):
    role = aws("iam").create_role(RoleName="fn", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("h.py", "def h(event, context):\n    return {}\n")
    lam, sqs = aws("lambda", SECONDARY), aws("sqs", SECONDARY)
    lam.create_function(FunctionName="orders", Runtime="python3.12", Role=role, Handler="h.h",
                        Code={"ZipFile": buf.getvalue()})
    url = sqs.create_queue(QueueName="orders")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    esm = lam.create_event_source_mapping(EventSourceArn=arn, FunctionName="orders", BatchSize=10,
                                          MaximumBatchingWindowInSeconds=5, ScalingConfig={"MaximumConcurrency": 5},
                                          FunctionResponseTypes=["ReportBatchItemFailures"])
    got = lam.get_event_source_mapping(UUID=esm["UUID"])
    assert got["FunctionResponseTypes"] == ["ReportBatchItemFailures"] and got["BatchSize"] == 10
    assert got["ScalingConfig"] == {"MaximumConcurrency": 5} and got["State"] == "Enabled"
    upd = lam.update_event_source_mapping(UUID=esm["UUID"], FunctionResponseTypes=[], Enabled=False)
    assert upd["FunctionResponseTypes"] == [] and upd["State"] == "Disabled"
    lam.put_function_concurrency(FunctionName="orders", ReservedConcurrentExecutions=10)
    assert lam.get_function_concurrency(FunctionName="orders")["ReservedConcurrentExecutions"] == 10
    assert lam.get_function(FunctionName="orders")["Concurrency"] == {"ReservedConcurrentExecutions": 10}
    lam.delete_function_concurrency(FunctionName="orders")
    assert "ReservedConcurrentExecutions" not in lam.get_function_concurrency(FunctionName="orders")
