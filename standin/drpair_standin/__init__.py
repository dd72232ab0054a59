"""drpair's AWS stand-in: moto in server mode plus the few things a DR provider needs.

moto carries the control plane; this package adds what moto lacks for disaster recovery
tests (RDS global cluster switchover/failover, correct detach/delete rules, regional outage
and throttling injection, optional creation delays). See standin/README.md.
"""
