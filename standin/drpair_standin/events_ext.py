"""EventBridge bus-to-bus delivery as AWS does it: the event keeps its envelope.

moto 5.2.5 delivers a rule's event to an event bus in another region or account by calling
PutEvents there, which gives the event a new id, time and `region`/`account` of the receiving
bus. AWS keeps the original envelope: a forwarded event still says which region it came from.
That difference matters to a DR pair: drpair's forwarding rules match only events whose
`region` is their own, so forwarded copies are not sent back. Under moto's rewrite the two
rules bounce every event between the regions until Python's recursion limit.

`install()` makes a rule deliver to an event-bus target in another region or account itself:
a copy of the matched event, envelope unchanged, goes through every rule of the target bus
(its archive's rule included). Only when the target names a RoleArn, as AWS requires for a
bus in another region. Every other target is left to moto.

Also: moto's UpdateArchive ignores `RetentionDays=0` (it tests truthiness); on AWS 0 means
"keep indefinitely", so `install()` applies it.
"""
import copy

from moto.events.models import Archive, Rule, events_backends
from moto.utilities.arns import parse_arn

_installed = False


def _other_bus(rule, target):
    """The target's parsed ARN when it is an event bus outside the rule's own region/account."""
    arn = parse_arn(target["Arn"])
    if arn.service != "events" or arn.resource_type != "event-bus":
        return None
    if (arn.account, arn.region) == (rule.account_id, rule.region_name):
        return None
    return arn


def _deliver(arn, event):
    bus = events_backends[arn.account][arn.region].describe_event_bus(arn.resource_id)
    for rule in list(bus.rules.values()):
        rule.send_to_targets(copy.deepcopy(event))


def _wrap_send_to_targets(original):
    def send_to_targets(self, original_event, transform_input=True):
        remote = [(t, _other_bus(self, t)) for t in self.targets]
        if not any(arn for _, arn in remote):
            return original(self, original_event, transform_input)
        if not self.event_pattern.matches_event(original_event):
            return None
        for target, arn in remote:
            if arn and target.get("RoleArn"):
                _deliver(arn, original_event)
        local = [t for t, arn in remote if not arn]
        if local:
            # a shallow copy with only the local targets: the rule itself is shared by threads
            clone = copy.copy(self)
            clone.targets = local
            original(clone, original_event, transform_input)
        return None
    return send_to_targets


def _wrap_archive_update(original):
    def update(self, description, event_pattern, retention):
        original(self, description, event_pattern, retention)
        if retention is not None and int(retention) == 0:
            self.retention = 0
    return update


def install():
    """Patch moto's EventBridge rule once; call before the server handles a request."""
    global _installed
    if _installed:
        return
    _installed = True
    Rule.send_to_targets = _wrap_send_to_targets(Rule.send_to_targets)
    Archive.update = _wrap_archive_update(Archive.update)
