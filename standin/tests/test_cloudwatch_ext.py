"""CloudWatch composite alarms and metric-alarm evaluation added by drpair_standin.cloudwatch_ext."""
import json
import time
from datetime import datetime, timedelta, timezone

import pytest
from botocore.exceptions import ClientError

from conftest import ACCOUNT, PRIMARY, SECONDARY


def error(excinfo):
    err = excinfo.value.response
    return err["Error"]["Code"], err["Error"]["Message"]


@pytest.fixture
def cw(aws):
    return aws("cloudwatch", PRIMARY)


def metric_alarm(cw, name, metric="Latency", **kw):
    args = dict(AlarmName=name, Namespace="drpair", MetricName=metric, ComparisonOperator="GreaterThanThreshold",
                EvaluationPeriods=1, Period=60, Threshold=100, Statistic="Average",
                Dimensions=[{"Name": "Api", "Value": "orders"}])
    args.update(kw)
    cw.put_metric_alarm(**args)


def put(cw, value, metric="Latency", ago=0, **kw):
    datum = dict(MetricName=metric, Value=value, Dimensions=[{"Name": "Api", "Value": "orders"}],
                 Timestamp=datetime.now(timezone.utc) - timedelta(seconds=ago), **kw)
    cw.put_metric_data(Namespace="drpair", MetricData=[datum])


def state(cw, name, composite=False):
    out = cw.describe_alarms(AlarmNames=[name], AlarmTypes=["CompositeAlarm" if composite else "MetricAlarm"])
    alarms = out["CompositeAlarms" if composite else "MetricAlarms"]
    return alarms[0]["StateValue"] if alarms else None


# --- composite alarms ------------------------------------------------------------------------

def test_composite_round_trip_and_state_from_children(cw):
    metric_alarm(cw, "east-latency")
    metric_alarm(cw, "east-errors", metric="Errors")
    arn = f"arn:aws:cloudwatch:{PRIMARY}:{ACCOUNT}:alarm:east-errors"
    rule = f'ALARM("east-latency") OR (ALARM({arn}) AND NOT OK(east-latency))'
    cw.put_composite_alarm(AlarmName="east-down", AlarmRule=rule, AlarmDescription="region down",
                           ActionsEnabled=False, AlarmActions=["arn:aws:sns:us-east-1:123456789012:page"],
                           OKActions=["arn:aws:sns:us-east-1:123456789012:ok"], Tags=[{"Key": "env", "Value": "t"}])
    comp = cw.describe_alarms(AlarmNames=["east-down"], AlarmTypes=["CompositeAlarm"])["CompositeAlarms"][0]
    assert comp["AlarmRule"] == rule and comp["AlarmDescription"] == "region down"
    assert comp["ActionsEnabled"] is False and comp["AlarmActions"] == ["arn:aws:sns:us-east-1:123456789012:page"]
    assert comp["OKActions"] == ["arn:aws:sns:us-east-1:123456789012:ok"]
    assert comp["AlarmArn"] == f"arn:aws:cloudwatch:{PRIMARY}:{ACCOUNT}:alarm:east-down"
    assert comp["StateValue"] == "OK"  # evaluated at once: both children INSUFFICIENT_DATA
    assert "StateTransitionedTimestamp" in comp and "AlarmConfigurationUpdatedTimestamp" in comp
    assert cw.list_tags_for_resource(ResourceARN=comp["AlarmArn"])["Tags"] == [{"Key": "env", "Value": "t"}]

    cw.set_alarm_state(AlarmName="east-errors", StateValue="ALARM", StateReason="test")
    assert state(cw, "east-down", composite=True) == "ALARM"  # errors in ALARM, latency not OK
    cw.set_alarm_state(AlarmName="east-latency", StateValue="OK", StateReason="test")
    assert state(cw, "east-down", composite=True) == "OK"
    cw.set_alarm_state(AlarmName="east-latency", StateValue="ALARM", StateReason="test")
    comp = cw.describe_alarms(AlarmNames=["east-down"], AlarmTypes=["CompositeAlarm"])["CompositeAlarms"][0]
    assert comp["StateValue"] == "ALARM" and "east-latency" in comp["StateReason"]
    assert json.loads(comp["StateReasonData"])["triggeringAlarms"]


def test_composite_of_composites_and_constants(cw):
    metric_alarm(cw, "a")
    cw.put_composite_alarm(AlarmName="inner", AlarmRule="ALARM(a)")
    cw.put_composite_alarm(AlarmName="outer", AlarmRule="ALARM(inner) AND TRUE")
    cw.put_composite_alarm(AlarmName="never", AlarmRule="false")
    cw.set_alarm_state(AlarmName="a", StateValue="ALARM", StateReason="t")
    assert [state(cw, n, True) for n in ("inner", "outer", "never")] == ["ALARM", "ALARM", "OK"]
    # an update keeps the state until the new rule is evaluated, which happens at once
    cw.put_composite_alarm(AlarmName="outer", AlarmRule="OK(inner)")
    assert state(cw, "outer", True) == "OK"
    cw.put_composite_alarm(AlarmName="ins", AlarmRule="INSUFFICIENT_DATA(a) OR NOT (ALARM(a))")
    assert state(cw, "ins", True) == "OK"


def test_set_alarm_state_on_a_composite_holds_until_a_child_changes(cw):
    metric_alarm(cw, "a")
    metric_alarm(cw, "b")
    cw.put_composite_alarm(AlarmName="c", AlarmRule="ALARM(a)")
    cw.set_alarm_state(AlarmName="c", StateValue="ALARM", StateReason="drill")
    cw.set_alarm_state(AlarmName="b", StateValue="ALARM", StateReason="not a child")
    assert state(cw, "c", True) == "ALARM"
    cw.set_alarm_state(AlarmName="a", StateValue="OK", StateReason="child moves")
    assert state(cw, "c", True) == "OK"


def test_describe_alarms_types_and_filters(cw):
    metric_alarm(cw, "m1")
    metric_alarm(cw, "m2")
    cw.put_composite_alarm(AlarmName="c1", AlarmRule="ALARM(m1)")
    out = cw.describe_alarms()
    assert [a["AlarmName"] for a in out["MetricAlarms"]] == ["m1", "m2"] and out["CompositeAlarms"] == []
    out = cw.describe_alarms(AlarmTypes=["CompositeAlarm"])
    assert out["MetricAlarms"] == [] and [a["AlarmName"] for a in out["CompositeAlarms"]] == ["c1"]
    out = cw.describe_alarms(AlarmTypes=["MetricAlarm", "CompositeAlarm"], AlarmNamePrefix="m")
    assert [a["AlarmName"] for a in out["MetricAlarms"]] == ["m1", "m2"] and out["CompositeAlarms"] == []
    out = cw.describe_alarms(AlarmTypes=["MetricAlarm", "CompositeAlarm"], StateValue="INSUFFICIENT_DATA")
    assert [a["AlarmName"] for a in out["MetricAlarms"]] == ["m1", "m2"] and out["CompositeAlarms"] == []
    assert [a["AlarmName"] for a in cw.describe_alarms(ChildrenOfAlarmName="c1")["MetricAlarms"]] == ["m1"]
    assert [a["AlarmName"] for a in cw.describe_alarms(ParentsOfAlarmName="m1")["CompositeAlarms"]] == ["c1"]
    with pytest.raises(ClientError) as e:
        cw.describe_alarms(AlarmNames=["m1"], AlarmNamePrefix="m")
    assert error(e)[0] == "ValidationError"


def test_put_composite_errors(cw):
    metric_alarm(cw, "a")
    with pytest.raises(ClientError) as e:
        cw.put_composite_alarm(AlarmName="x", AlarmRule="ALARM(a) OR ALARM(nope)")
    assert error(e) == ("ValidationError",
                        "Could not save the composite alarm as alarms [nope] in the alarm rule do not exist")
    other_region = f"arn:aws:cloudwatch:{SECONDARY}:{ACCOUNT}:alarm:a"
    with pytest.raises(ClientError) as e:
        cw.put_composite_alarm(AlarmName="x", AlarmRule=f"ALARM({other_region})")
    assert error(e)[0] == "ValidationError"
    for bad in ("ALARM(a) AND", "ALARM(a) OR (OK(a)", "BROKEN(a)", "ALARM()", "ALARM(a) ALARM(a)", " "):
        with pytest.raises(ClientError) as e:
            cw.put_composite_alarm(AlarmName="x", AlarmRule=bad)
        assert error(e)[0] == "ValidationError", bad
    with pytest.raises(ClientError) as e:
        cw.put_composite_alarm(AlarmName="a", AlarmRule="TRUE")
    assert error(e)[0] == "ValidationError"  # the name belongs to a metric alarm
    assert cw.describe_alarms(AlarmTypes=["CompositeAlarm"])["CompositeAlarms"] == []


def test_delete_alarms_follows_composite_dependencies(cw):
    metric_alarm(cw, "a")
    metric_alarm(cw, "b")
    cw.put_composite_alarm(AlarmName="p1", AlarmRule="ALARM(a)")
    cw.put_composite_alarm(AlarmName="p2", AlarmRule="ALARM(p1) OR ALARM(b)")
    with pytest.raises(ClientError) as e:
        cw.delete_alarms(AlarmNames=["a"])
    assert error(e) == ("ValidationError", "Cannot delete a as there are composite alarm(s) depending on it.")
    with pytest.raises(ClientError) as e:
        cw.delete_alarms(AlarmNames=["a", "b"])
    assert error(e) == ("ValidationError", "Cannot delete a,b as there are composite alarm(s) depending on them.")
    with pytest.raises(ClientError) as e:
        cw.delete_alarms(AlarmNames=["p1", "p2"])
    assert error(e)[0] == "ValidationError"
    assert len(cw.describe_alarms(AlarmTypes=["MetricAlarm", "CompositeAlarm"])["MetricAlarms"]) == 2
    # top-down works; a child deleted with its only parent in one call is fine
    cw.delete_alarms(AlarmNames=["p2", "b", "missing"])
    cw.delete_alarms(AlarmNames=["p1", "a"])
    out = cw.describe_alarms(AlarmTypes=["MetricAlarm", "CompositeAlarm"])
    assert out["MetricAlarms"] == [] and out["CompositeAlarms"] == []
    with pytest.raises(ClientError) as e:
        cw.list_tags_for_resource(ResourceARN=f"arn:aws:cloudwatch:{PRIMARY}:{ACCOUNT}:alarm:p1")
    assert error(e)[0] == "ResourceNotFoundException"


# --- metric alarm evaluation -----------------------------------------------------------------

def test_metric_alarm_starts_insufficient_and_follows_data(cw):
    metric_alarm(cw, "lat")
    alarm = cw.describe_alarms(AlarmNames=["lat"])["MetricAlarms"][0]
    assert alarm["StateValue"] == "INSUFFICIENT_DATA" and alarm["StateReason"] == "Unchecked: Initial alarm creation"
    put(cw, 250)
    alarm = cw.describe_alarms(AlarmNames=["lat"])["MetricAlarms"][0]
    assert alarm["StateValue"] == "ALARM" and alarm["StateReason"].startswith("Threshold Crossed: 1 out of the last 1")
    assert json.loads(alarm["StateReasonData"])["recentDatapoints"] == [250.0]
    put(cw, 10)  # average of 250 and 10 is 130: still above
    assert state(cw, "lat") == "ALARM"
    put(cw, 10)
    put(cw, 10)  # (250 + 30) / 4 = 70
    assert state(cw, "lat") == "OK"
    # other dimensions, namespaces and metrics do not count
    cw.put_metric_data(Namespace="drpair", MetricData=[{"MetricName": "Latency", "Value": 1e6}])
    cw.put_metric_data(Namespace="other", MetricData=[{"MetricName": "Latency", "Value": 1e6,
                                                        "Dimensions": [{"Name": "Api", "Value": "orders"}]}])
    assert state(cw, "lat") == "OK"


def test_update_keeps_state_and_set_alarm_state_holds(cw):
    metric_alarm(cw, "lat")
    put(cw, 500)
    metric_alarm(cw, "lat", AlarmDescription="updated", Threshold=1000)
    # re-evaluated at once against the new threshold
    alarm = cw.describe_alarms(AlarmNames=["lat"])["MetricAlarms"][0]
    assert alarm["AlarmDescription"] == "updated" and alarm["StateValue"] == "OK"
    cw.set_alarm_state(AlarmName="lat", StateValue="ALARM", StateReason="drill")
    alarm = cw.describe_alarms(AlarmNames=["lat"])["MetricAlarms"][0]
    assert alarm["StateValue"] == "ALARM" and alarm["StateReason"] == "drill"
    put(cw, 1)  # new data: evaluated again
    assert state(cw, "lat") == "OK"


@pytest.mark.parametrize("treat,expected", [(None, "INSUFFICIENT_DATA"), ("missing", "INSUFFICIENT_DATA"),
                                            ("breaching", "ALARM"), ("notBreaching", "OK"),
                                            ("ignore", "INSUFFICIENT_DATA")])
def test_treat_missing_data_with_no_data(cw, treat, expected):
    kw = {"TreatMissingData": treat} if treat else {}
    metric_alarm(cw, "hb", metric="Heartbeat", ComparisonOperator="LessThanThreshold", Threshold=1,
                 Statistic="SampleCount", **kw)
    assert state(cw, "hb") == expected


def test_datapoints_to_alarm_and_breaching_missing(cw):
    # 2 of 3 one-minute periods breaching; missing periods count as breaching
    metric_alarm(cw, "m", EvaluationPeriods=3, DatapointsToAlarm=2, TreatMissingData="breaching")
    put(cw, 1, ago=150)
    put(cw, 1, ago=90)
    put(cw, 1, ago=30)
    assert state(cw, "m") == "OK"
    put(cw, 1000, ago=20)  # last minute: (1 + 1000) / 2 breaches; one breaching of three
    assert state(cw, "m") == "OK"
    put(cw, 1000, ago=100)  # the minute before too: two of three
    assert state(cw, "m") == "ALARM"
    metric_alarm(cw, "gap", EvaluationPeriods=3, DatapointsToAlarm=2, TreatMissingData="breaching",
                 MetricName="Gap")
    put(cw, 1, metric="Gap", ago=10)  # the two older periods are missing: breaching
    assert state(cw, "gap") == "ALARM"


def test_extended_statistic_percentile(cw):
    cw.put_metric_alarm(AlarmName="p99", Namespace="drpair", MetricName="Latency", ExtendedStatistic="p99",
                        ComparisonOperator="GreaterThanOrEqualToThreshold", EvaluationPeriods=1, Period=60,
                        Threshold=200, Dimensions=[{"Name": "Api", "Value": "orders"}])
    cw.put_metric_data(Namespace="drpair", MetricData=[{
        "MetricName": "Latency", "Dimensions": [{"Name": "Api", "Value": "orders"}],
        "Values": [10, 20, 300], "Counts": [90, 8, 2]}])
    # nearest rank of 100 samples: the 99th is 300
    assert state(cw, "p99") == "ALARM"
    cw.put_metric_data(Namespace="drpair", MetricData=[{
        "MetricName": "Latency", "Dimensions": [{"Name": "Api", "Value": "orders"}], "Values": [10], "Counts": [100]}])
    assert state(cw, "p99") == "OK"  # 200 samples: the 198th is 20


def test_metric_data_moves_composites(aws):
    cw = {r: aws("cloudwatch", r) for r in (PRIMARY, SECONDARY)}
    for region in cw:
        metric_alarm(cw[region], "lat")
    cw[PRIMARY].put_composite_alarm(AlarmName="any", AlarmRule="ALARM(lat)")
    put(cw[SECONDARY], 500)  # another region's alarm: nothing here changes
    assert state(cw[PRIMARY], "any", True) == "OK" and state(cw[SECONDARY], "lat") == "ALARM"
    put(cw[PRIMARY], 500)
    assert state(cw[PRIMARY], "any", True) == "ALARM"
    put(cw[PRIMARY], -2000)
    assert state(cw[PRIMARY], "any", True) == "OK"


def test_reads_evaluate_again_after_a_period(cw):
    """A heartbeat that stops: once a Period has passed, a read sees the missing data (breaching)."""
    metric_alarm(cw, "hb", metric="Heartbeat", ComparisonOperator="LessThanThreshold", Threshold=1,
                 Statistic="SampleCount", Period=1, TreatMissingData="breaching")
    put(cw, 1, metric="Heartbeat")
    assert state(cw, "hb") == "OK"
    cw.set_alarm_state(AlarmName="hb", StateValue="ALARM", StateReason="drill")
    assert state(cw, "hb") == "ALARM"  # SetAlarmState holds until the next evaluation
    time.sleep(1.1)
    put(cw, 1, metric="Heartbeat")
    assert state(cw, "hb") == "OK"
    time.sleep(1.1)
    assert state(cw, "hb") == "ALARM"  # nothing arrived for a whole period
