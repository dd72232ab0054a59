//! Logs as hclog JSON lines on stderr. go-plugin parses these lines and re-emits them inside
//! Terraform's own log at the right level, so `TF_LOG=debug terraform apply` shows them.

use std::io::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Debug,
    Info,
    Warn,
}

impl Level {
    fn as_str(self) -> &'static str {
        match self {
            Level::Debug => "debug",
            Level::Info => "info",
            Level::Warn => "warn",
        }
    }
}

/// Writes one log line; `fields` become extra JSON keys (e.g. region, cluster id).
pub fn write(level: Level, message: &str, fields: &[(&str, &str)]) {
    let mut line = serde_json::Map::new();
    line.insert("@level".into(), level.as_str().into());
    line.insert("@message".into(), message.into());
    line.insert("@module".into(), "drpair".into());
    // go-plugin only recognises hclog lines whose timestamp has exactly microseconds.
    let format = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z"
    );
    let now = time::OffsetDateTime::now_utc().format(&format).unwrap_or_default();
    line.insert("@timestamp".into(), now.into());
    for (k, v) in fields {
        line.insert((*k).to_string(), (*v).into());
    }
    let mut err = std::io::stderr().lock();
    // A failed log write must never fail the operation it describes.
    let _ = writeln!(err, "{}", serde_json::Value::Object(line));
}

#[macro_export]
macro_rules! debug {
    ($($k:literal = $v:expr),* ; $($arg:tt)+) => {
        $crate::log::write($crate::log::Level::Debug, &format!($($arg)+), &[$(($k, &$v.to_string())),*])
    };
    ($($arg:tt)+) => { $crate::log::write($crate::log::Level::Debug, &format!($($arg)+), &[]) };
}

#[macro_export]
macro_rules! info {
    ($($arg:tt)+) => { $crate::log::write($crate::log::Level::Info, &format!($($arg)+), &[]) };
}

#[macro_export]
macro_rules! warn {
    ($($arg:tt)+) => { $crate::log::write($crate::log::Level::Warn, &format!($($arg)+), &[]) };
}
