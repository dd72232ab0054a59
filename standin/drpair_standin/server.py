"""Run moto's server app, extended by drpair, on 127.0.0.1 in the foreground.

moto's own `moto_server` cannot pick a free port and report it, and has no hook for our
middleware; so we build the same WSGI app (DomainDispatcherApplication + create_backend_app),
wrap it in FaultMiddleware, and serve it with werkzeug's threaded server.
"""
import argparse
import os
import signal
import sys


def build_app():
    """moto's dispatcher app with our extensions applied and fault middleware around it."""
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app

    from . import dynamodb_ext, rds_ext, s3_ext
    from . import events_ext
    from .cloudwatch_cbor_ext import CborToJson
    from .counters import RequestCounter
    from .dns_ext import DnsResolver
    from .faults import FaultMiddleware
    from . import regional_api_ext
    from . import apigateway_domains_ext, cloudwatch_ext, route53_ext  # noqa: I001 (own line: branches add imports above)
    from . import route53_records_ext
    from . import sfn_ext
    from . import alarm_events_ext
    from . import schedule_ext

    rds_ext.install()
    dynamodb_ext.install()
    s3_ext.install()
    cloudwatch_ext.install()
    route53_ext.install()
    route53_records_ext.install()
    apigateway_domains_ext.install()
    regional_api_ext.install()
    events_ext.install()
    sfn_ext.install()
    alarm_events_ext.install()
    schedule_ext.install()
    # CBOR translation inside the faults: throttles and outages are already answered in CBOR.
    # The counter outermost: it sees every request the client sent, faulted or not (bench).
    # DNS answers (Route 53's data plane) and the scheduler's control API outside the faults:
    # DNS survives a us-east-1 outage, and a test must reach the clock during one.
    moto_app = CborToJson(DomainDispatcherApplication(create_backend_app))
    return RequestCounter(DnsResolver(schedule_ext.ScheduleControl(FaultMiddleware(moto_app))))


def main(argv=None):
    parser = argparse.ArgumentParser(prog="drpair_standin", description=__doc__)
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port; 0 picks a free one (default)")
    parser.add_argument("--log-requests", action="store_true", help="log every request to stderr")
    args = parser.parse_args(argv)

    import logging
    import warnings

    from moto.moto_server.werkzeug_app import MotoRequestHandler
    from werkzeug.serving import make_server

    server = make_server(args.host, args.port, build_app(), threaded=True,
                         request_handler=MotoRequestHandler)
    # moto warns on every error code its botocore models lack (e.g. EC2's codes inside RDS).
    warnings.filterwarnings("ignore", message=r".*does not match an error shape")
    if not args.log_requests:
        logging.getLogger("werkzeug").setLevel(logging.WARNING)
    port = server.server_port
    # moto's Step Functions aws-sdk tasks call back to localhost:$MOTO_PORT.
    os.environ["MOTO_PORT"] = str(port)

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        # inside the try: a signal sent the moment the ready line is read still exits 0
        print(f"drpair-standin listening on http://{args.host}:{port}", flush=True)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
