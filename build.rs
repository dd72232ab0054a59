//! Generates the gRPC server code for the Terraform plugin protocol and
//! go-plugin's helper services from `proto/`.
//!
//! `protox` parses the `.proto` files in pure Rust (no system `protoc`), and
//! `tonic-prost-build` turns the resulting descriptor set into prost messages
//! plus tonic server traits. Output lands in `OUT_DIR` as `tfplugin6.rs` and
//! `plugin.rs` (one file per protobuf package).

const PROTOS: &[&str] = &[
    "proto/tfplugin6.proto",
    "proto/grpc_controller.proto",
    "proto/grpc_stdio.proto",
    "proto/grpc_broker.proto",
    "proto/health.proto",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=proto");

    // protox ships the well-known types (google/protobuf/empty.proto), so only
    // our own directory is on the include path.
    let fds = protox::compile(PROTOS, ["proto"])?;

    // google.protobuf.Empty is left to prost's defaults: RPCs that take or
    // return it use `()`.
    tonic_prost_build::configure()
        .build_client(false)
        .build_server(true)
        // RPCs we do not serve answer Unimplemented, which Terraform handles.
        .generate_default_stubs(true)
        .compile_fds(fds)?;

    Ok(())
}
