//! Runs the plugin: handshake, gRPC server with the provider and go-plugin's helper services,
//! and a clean shutdown on GRPCController.Shutdown or SIGTERM.

use std::io::Write;
use std::pin::Pin;
use std::sync::Arc;

use futures::Stream;
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tonic::{Request, Response, Status};

use super::handshake::{self, AutoMtls};
use super::proto::{health, plugin, tfplugin6};
use super::server::ProviderService;

/// go-plugin's controller: Terraform calls Shutdown when it is done with the plugin.
struct Controller(Arc<Notify>);

#[tonic::async_trait]
impl plugin::grpc_controller_server::GrpcController for Controller {
    async fn shutdown(&self, _: Request<plugin::Empty>) -> Result<Response<plugin::Empty>, Status> {
        self.0.notify_one();
        Ok(Response::new(plugin::Empty {}))
    }
}

type BoxStream<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

/// go-plugin's stdio stream. Our logs go straight to stderr, which go-plugin already reads,
/// so the stream stays open and carries nothing.
struct Stdio;

#[tonic::async_trait]
impl plugin::grpc_stdio_server::GrpcStdio for Stdio {
    async fn stream_stdio(&self, _: Request<()>) -> Result<Response<BoxStream<plugin::StdioData>>, Status> {
        Ok(Response::new(Box::pin(futures::stream::pending())))
    }
}

/// go-plugin's broker, for plugins that open extra connections; Terraform providers do not.
struct Broker;

#[tonic::async_trait]
impl plugin::grpc_broker_server::GrpcBroker for Broker {
    async fn start_stream(
        &self,
        _: Request<tonic::Streaming<plugin::ConnInfo>>,
    ) -> Result<Response<BoxStream<plugin::ConnInfo>>, Status> {
        Ok(Response::new(Box::pin(futures::stream::pending())))
    }
}

/// go-plugin pings service "plugin" through the standard health check.
struct Health;

#[tonic::async_trait]
impl health::health_server::Health for Health {
    async fn check(
        &self,
        _: Request<health::HealthCheckRequest>,
    ) -> Result<Response<health::HealthCheckResponse>, Status> {
        Ok(Response::new(health::HealthCheckResponse {
            status: health::health_check_response::ServingStatus::Serving as i32,
        }))
    }
}

/// Serves until Terraform shuts the plugin down. Errors here happen before the handshake.
pub async fn serve() -> Result<(), Box<dyn std::error::Error>> {
    handshake::check_environment()?;
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    let mtls = match std::env::var("PLUGIN_CLIENT_CERT") {
        Ok(pem) if !pem.trim().is_empty() => Some(AutoMtls::new(&pem)?),
        _ => None,
    };

    let shutdown = Arc::new(Notify::new());
    let router = tonic::transport::Server::builder()
        .add_service(tfplugin6::provider_server::ProviderServer::new(ProviderService::new()))
        .add_service(plugin::grpc_controller_server::GrpcControllerServer::new(Controller(shutdown.clone())))
        .add_service(plugin::grpc_stdio_server::GrpcStdioServer::new(Stdio))
        .add_service(plugin::grpc_broker_server::GrpcBrokerServer::new(Broker))
        .add_service(health::health_server::HealthServer::new(Health));

    let line = handshake::handshake_line(addr, mtls.as_ref().map(|m| m.server_cert_der.as_slice()));
    let mut out = std::io::stdout().lock();
    writeln!(out, "{line}")?;
    out.flush()?;
    drop(out);
    crate::debug!("drpair provider serving on {addr} (tls: {})", mtls.is_some());

    let stop = stop_signal(shutdown);
    match mtls {
        Some(mtls) => {
            let incoming = tls_incoming(listener, tokio_rustls::TlsAcceptor::from(mtls.config));
            router.serve_with_incoming_shutdown(incoming, stop).await?
        }
        None => {
            let incoming = tokio_stream::wrappers::TcpListenerStream::new(listener);
            router.serve_with_incoming_shutdown(incoming, stop).await?
        }
    }
    Ok(())
}

/// Resolves on GRPCController.Shutdown or SIGTERM. SIGINT is ignored: on Ctrl-C Terraform
/// signals the whole process group, then asks us to stop gracefully through StopProvider.
async fn stop_signal(shutdown: Arc<Notify>) {
    use tokio::signal::unix::{SignalKind, signal};
    let mut term = signal(SignalKind::terminate()).expect("SIGTERM handler");
    let mut int = signal(SignalKind::interrupt()).expect("SIGINT handler");
    loop {
        tokio::select! {
            _ = shutdown.notified() => return,
            _ = term.recv() => return,
            _ = int.recv() => crate::debug!("SIGINT ignored; waiting for StopProvider"),
        }
    }
}

/// TLS-accepts each connection in its own task, so one bad handshake neither blocks nor ends
/// the server.
fn tls_incoming(
    listener: TcpListener,
    acceptor: tokio_rustls::TlsAcceptor,
) -> impl Stream<Item = Result<tokio_rustls::server::TlsStream<tokio::net::TcpStream>, std::io::Error>> {
    let (tx, rx) = tokio::sync::mpsc::channel(16);
    tokio::spawn(async move {
        loop {
            let Ok((tcp, _)) = listener.accept().await else {
                continue;
            };
            let acceptor = acceptor.clone();
            let tx = tx.clone();
            tokio::spawn(async move {
                match acceptor.accept(tcp).await {
                    Ok(tls) => {
                        let _ = tx.send(Ok(tls)).await;
                    }
                    Err(e) => crate::warn!("TLS handshake with Terraform failed: {e}"),
                }
            });
        }
    });
    tokio_stream::wrappers::ReceiverStream::new(rx)
}
