"""GET/DELETE /drpair/requests: AWS requests counted by service and operation (for `make bench`)."""
from conftest import http


def test_counts_by_service_and_operation(aws, standin):
    http(standin + "/drpair/requests", "DELETE")
    assert http(standin + "/drpair/requests") == {"total": 0, "by_service": {}, "by_operation": {}}
    aws("route53").list_hosted_zones()           # rest-xml
    aws("route53").list_hosted_zones()
    aws("ec2").describe_vpcs()                    # ec2 query, Action in the form body
    aws("dynamodb").list_tables()                 # json, X-Amz-Target
    aws("s3").list_buckets()                      # rest-xml, S3
    counts = http(standin + "/drpair/requests")
    assert counts["total"] == 5
    assert counts["by_service"] == {"dynamodb": 1, "ec2": 1, "route53": 2, "s3": 1}
    assert counts["by_operation"]["route53"] == {"GET /{id}/hostedzone": 2}
    assert counts["by_operation"]["ec2"] == {"DescribeVpcs": 1}
    assert counts["by_operation"]["dynamodb"] == {"ListTables": 1}
    # The form body was re-buffered: moto still answered the EC2 call (it returned, above),
    # and a second one with a filter parses its body too.
    vpcs = aws("ec2").describe_vpcs(Filters=[{"Name": "tag:none", "Values": ["x"]}])["Vpcs"]
    assert vpcs == []
    http(standin + "/drpair/requests", "DELETE")
    assert http(standin + "/drpair/requests")["total"] == 0


def test_faulted_requests_count(aws, standin, faults):
    http(standin + "/drpair/requests", "DELETE")
    faults(outage_regions=["us-east-1"])
    try:
        aws("kms").list_keys()
    except Exception:  # noqa: BLE001 - the 503 is the point
        pass
    assert http(standin + "/drpair/requests")["by_service"] == {"kms": 1}


def test_operation_labels():
    import io

    from drpair_standin.counters import operation_of
    cbor = {"PATH_INFO": "/service/GraniteServiceVersion20100801/operation/DescribeAlarms",
            "REQUEST_METHOD": "POST"}
    assert operation_of(cbor) == "DescribeAlarms"
    form = {"PATH_INFO": "/", "REQUEST_METHOD": "POST", "CONTENT_TYPE": "application/x-www-form-urlencoded",
            "CONTENT_LENGTH": "29", "wsgi.input": io.BytesIO(b"Action=DescribeVpcs&Version=1")}
    assert operation_of(form) == "DescribeVpcs"
    assert form["wsgi.input"].read() == b"Action=DescribeVpcs&Version=1"  # re-buffered for moto
    s3 = {"PATH_INFO": "/config-prod-ab12cd-us-east-1", "REQUEST_METHOD": "GET", "QUERY_STRING": "versioning="}
    assert operation_of(s3) == "GET /{id}?versioning"
