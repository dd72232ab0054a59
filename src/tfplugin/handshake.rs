//! The go-plugin handshake: check the magic cookie, listen on loopback, set up AutoMTLS and
//! print the line `1|6|tcp|127.0.0.1:PORT|grpc|CERT` that tells Terraform where to connect.

use std::sync::Arc;

use base64::Engine;
use rustls::client::danger::HandshakeSignatureValid;
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer, UnixTime};
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::{DigitallySignedStruct, DistinguishedName, SignatureScheme};

/// Terraform's plugin cookie: a binary started without it was not started by Terraform.
pub const MAGIC_COOKIE_KEY: &str = "TF_PLUGIN_MAGIC_COOKIE";
pub const MAGIC_COOKIE_VALUE: &str = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";
/// go-plugin's core protocol version and the Terraform protocol we speak.
const CORE_PROTOCOL: u32 = 1;
pub const APP_PROTOCOL: u32 = 6;

#[derive(Debug, thiserror::Error)]
pub enum HandshakeError {
    #[error(
        "This binary is a plugin. These are not meant to be executed directly.\n\
         Please execute the program that consumes these plugins, which will\n\
         load any plugins automatically"
    )]
    NotStartedByTerraform,
    #[error("Terraform offers plugin protocol versions {0:?}; this provider speaks only 6")]
    UnsupportedProtocol(String),
    #[error("PLUGIN_CLIENT_CERT holds no usable certificate")]
    BadClientCert,
    #[error("generating the server certificate: {0}")]
    Cert(#[from] rcgen::Error),
    #[error("setting up TLS: {0}")]
    Tls(#[from] rustls::Error),
}

/// Checks the environment Terraform sets when it starts a provider.
pub fn check_environment() -> Result<(), HandshakeError> {
    if std::env::var(MAGIC_COOKIE_KEY).as_deref() != Ok(MAGIC_COOKIE_VALUE) {
        return Err(HandshakeError::NotStartedByTerraform);
    }
    if let Ok(versions) = std::env::var("PLUGIN_PROTOCOL_VERSIONS")
        && !versions.split(',').any(|v| v.trim() == APP_PROTOCOL.to_string())
    {
        return Err(HandshakeError::UnsupportedProtocol(versions));
    }
    Ok(())
}

/// The line go-plugin reads from our stdout; `server_cert` is present under AutoMTLS.
pub fn handshake_line(addr: std::net::SocketAddr, server_cert: Option<&[u8]>) -> String {
    let cert = server_cert
        .map(|der| base64::engine::general_purpose::STANDARD_NO_PAD.encode(der))
        .unwrap_or_default();
    format!("{CORE_PROTOCOL}|{APP_PROTOCOL}|tcp|{addr}|grpc|{cert}")
}

/// TLS material for AutoMTLS: our fresh self-signed certificate (its DER goes into the
/// handshake line) and a server config that accepts only Terraform's own client certificate.
pub struct AutoMtls {
    pub server_cert_der: Vec<u8>,
    pub config: Arc<rustls::ServerConfig>,
}

impl AutoMtls {
    /// `client_cert_pem` is the value of `PLUGIN_CLIENT_CERT`.
    pub fn new(client_cert_pem: &str) -> Result<AutoMtls, HandshakeError> {
        let client_cert = rustls_pemfile::certs(&mut client_cert_pem.as_bytes())
            .next()
            .and_then(Result::ok)
            .ok_or(HandshakeError::BadClientCert)?;

        let key = rcgen::KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256)?;
        let mut params = rcgen::CertificateParams::new(vec!["localhost".to_string()])?;
        params.distinguished_name.push(rcgen::DnType::CommonName, "localhost");
        params.distinguished_name.push(rcgen::DnType::OrganizationName, "drpair");
        // go-plugin's client uses our certificate as its only root: it must be a CA.
        params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        params.key_usages = vec![
            rcgen::KeyUsagePurpose::DigitalSignature,
            rcgen::KeyUsagePurpose::KeyEncipherment,
            rcgen::KeyUsagePurpose::KeyCertSign,
        ];
        params.extended_key_usages =
            vec![rcgen::ExtendedKeyUsagePurpose::ServerAuth, rcgen::ExtendedKeyUsagePurpose::ClientAuth];
        let now = time::OffsetDateTime::now_utc();
        params.not_before = now - time::Duration::minutes(1);
        params.not_after = now + time::Duration::days(365);
        let cert = params.self_signed(&key)?;
        let server_cert_der = cert.der().to_vec();

        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let verifier = PinnedClientCert { expected: client_cert, provider: provider.clone() };
        let mut config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()?
            .with_client_cert_verifier(Arc::new(verifier))
            .with_single_cert(
                vec![CertificateDer::from(server_cert_der.clone())],
                PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
            )?;
        // gRPC over TLS needs HTTP/2 negotiated by ALPN; recent grpc-go clients insist on it.
        config.alpn_protocols = vec![b"h2".to_vec()];
        Ok(AutoMtls { server_cert_der, config: Arc::new(config) })
    }
}

/// Accepts exactly the certificate Terraform generated for this run (and proves the peer
/// holds its key through the usual TLS signature check). go-plugin does the same pinning.
#[derive(Debug)]
struct PinnedClientCert {
    expected: CertificateDer<'static>,
    provider: Arc<CryptoProvider>,
}

impl ClientCertVerifier for PinnedClientCert {
    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        &[]
    }

    fn verify_client_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _now: UnixTime,
    ) -> Result<ClientCertVerified, rustls::Error> {
        if end_entity.as_ref() == self.expected.as_ref() {
            Ok(ClientCertVerified::assertion())
        } else {
            Err(rustls::Error::InvalidCertificate(rustls::CertificateError::ApplicationVerificationFailure))
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider.signature_verification_algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handshake_line_has_six_fields_and_unpadded_cert() {
        let line = handshake_line("127.0.0.1:4000".parse().unwrap(), Some(&[1, 2, 3, 4]));
        assert_eq!(line, "1|6|tcp|127.0.0.1:4000|grpc|AQIDBA");
    }

    #[test]
    fn auto_mtls_accepts_only_the_pinned_client_cert() {
        let key = rcgen::KeyPair::generate_for(&rcgen::PKCS_ECDSA_P384_SHA384).unwrap();
        let client =
            rcgen::CertificateParams::new(vec!["localhost".into()]).unwrap().self_signed(&key).unwrap();
        let mtls = AutoMtls::new(&client.pem()).unwrap();
        assert!(!mtls.server_cert_der.is_empty());
        assert_eq!(mtls.config.alpn_protocols, vec![b"h2".to_vec()]);
        let verifier = PinnedClientCert {
            expected: client.der().clone(),
            provider: Arc::new(rustls::crypto::aws_lc_rs::default_provider()),
        };
        let now = UnixTime::now();
        assert!(verifier.verify_client_cert(client.der(), &[], now).is_ok());
        let other = CertificateDer::from(mtls.server_cert_der.clone());
        assert!(verifier.verify_client_cert(&other, &[], now).is_err());
        // Terraform's client key is ECDSA P-521; its TLS signatures must be verifiable.
        assert!(verifier.supported_verify_schemes().contains(&SignatureScheme::ECDSA_NISTP521_SHA512));
    }

    #[test]
    fn garbage_client_cert_is_rejected() {
        assert!(matches!(AutoMtls::new("nope"), Err(HandshakeError::BadClientCert)));
    }
}
