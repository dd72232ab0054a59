//! terraform-provider-drpair: a Terraform provider that builds and runs a two-region AWS
//! disaster-recovery pair.
//!
//! Layout:
//! - [`tfplugin`]: our tfplugin6 server (handshake, gRPC, values, schemas, diagnostics)
//! - [`provider`]: provider settings and the AWS clients per region
//! - [`aws`]: error classification, waiters
//! - [`resources`]: the composite resources, one folder each

mod aws;
mod log;
mod provider;
mod resources;
mod tfplugin;

#[tokio::main]
async fn main() {
    if let Err(e) = tfplugin::serve::serve().await {
        eprintln!("{e}");
        std::process::exit(1);
    }
}
