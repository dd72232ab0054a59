//! Lambda deployment packages read from local files: the bytes and the hash Lambda reports.

use base64::Engine;
use sha2::{Digest, Sha256};

/// SHA-256 in base64, as Lambda reports `CodeSha256`.
pub fn code_sha256(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(bytes))
}

/// A zip starts with a local file header (or, empty, with the end-of-directory record).
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// The local package's bytes, or why they cannot be used.
pub fn read_local_package(path: &str) -> Result<Vec<u8>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path:?}: {e}"))?;
    if !looks_like_zip(&bytes) {
        return Err(format!("{path:?} is not a zip file (Lambda deploys zip packages)."));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_lambdas_code_sha256() {
        // sha256("") in base64
        assert_eq!(code_sha256(b""), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        assert!(looks_like_zip(b"PK\x03\x04rest"));
        assert!(!looks_like_zip(b"#!/bin/sh"));
    }
}
