//! Our own implementation of Terraform's plugin protocol (tfplugin6) on tonic + prost:
//! the go-plugin handshake, the gRPC services, typed values, schemas and diagnostics.

pub mod diag;
pub mod handshake;
pub mod schema;
pub mod serve;
pub mod server;
pub mod value;

/// Code generated from `proto/` by build.rs.
pub mod proto {
    #![allow(clippy::all, missing_docs, dead_code)]
    pub mod tfplugin6 {
        tonic::include_proto!("tfplugin6");
    }
    pub mod plugin {
        tonic::include_proto!("plugin");
    }
    pub mod health {
        tonic::include_proto!("grpc.health.v1");
    }
}
