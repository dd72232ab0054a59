//! Diagnostics: what the user sees when something is wrong. Severity, a short summary, a
//! longer detail and, where it applies, the attribute it is about.

use super::proto::tfplugin6 as pb;

/// One step into a value: an attribute name, a map key or a list index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Attr(String),
    Key(String),
    Index(i64),
}

/// Path to an attribute, e.g. `AttrPath::root("timeouts").attr("create")`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct AttrPath(pub Vec<Step>);

impl AttrPath {
    pub fn root(name: &str) -> AttrPath {
        AttrPath(vec![Step::Attr(name.to_string())])
    }
    pub fn attr(mut self, name: &str) -> AttrPath {
        self.0.push(Step::Attr(name.to_string()));
        self
    }
    /// A map element, e.g. `values["log_level"]`.
    pub fn key(mut self, k: &str) -> AttrPath {
        self.0.push(Step::Key(k.to_string()));
        self
    }
    pub fn index(mut self, i: usize) -> AttrPath {
        self.0.push(Step::Index(i as i64));
        self
    }

    pub fn to_proto(&self) -> pb::AttributePath {
        use pb::attribute_path::{Step as PStep, step::Selector};
        pb::AttributePath {
            steps: self
                .0
                .iter()
                .map(|s| PStep {
                    selector: Some(match s {
                        Step::Attr(n) => Selector::AttributeName(n.clone()),
                        Step::Key(k) => Selector::ElementKeyString(k.clone()),
                        Step::Index(i) => Selector::ElementKeyInt(*i),
                    }),
                })
                .collect(),
        }
    }
}

impl std::fmt::Display for AttrPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, s) in self.0.iter().enumerate() {
            match s {
                Step::Attr(n) if i == 0 => write!(f, "{n}")?,
                Step::Attr(n) => write!(f, ".{n}")?,
                Step::Key(k) => write!(f, "[{k:?}]")?,
                Step::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub summary: String,
    pub detail: String,
    pub path: Option<AttrPath>,
}

/// The diagnostics an operation collects; errors among them fail the operation.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn error(&mut self, summary: impl Into<String>, detail: impl Into<String>) {
        self.push(Severity::Error, summary.into(), detail.into(), None);
    }
    /// An error about one attribute; Terraform points at it in the configuration.
    pub fn attr_error(&mut self, path: AttrPath, summary: impl Into<String>, detail: impl Into<String>) {
        self.push(Severity::Error, summary.into(), detail.into(), Some(path));
    }
    pub fn attr_warning(&mut self, path: AttrPath, summary: impl Into<String>, detail: impl Into<String>) {
        self.push(Severity::Warning, summary.into(), detail.into(), Some(path));
    }
    fn push(&mut self, severity: Severity, summary: String, detail: String, path: Option<AttrPath>) {
        self.0.push(Diagnostic { severity, summary, detail, path });
    }
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Error)
    }
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }
    pub fn to_proto(&self) -> Vec<pb::Diagnostic> {
        self.0
            .iter()
            .map(|d| pb::Diagnostic {
                severity: match d.severity {
                    Severity::Error => pb::diagnostic::Severity::Error,
                    Severity::Warning => pb::diagnostic::Severity::Warning,
                } as i32,
                summary: d.summary.clone(),
                detail: d.detail.clone(),
                attribute: d.path.as_ref().map(AttrPath::to_proto),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_displays_like_hcl() {
        let p = AttrPath::root("primary_subnet_ids").index(2);
        assert_eq!(p.to_string(), "primary_subnet_ids[2]");
        assert_eq!(AttrPath::root("timeouts").attr("create").to_string(), "timeouts.create");
    }

    #[test]
    fn errors_fail_warnings_do_not() {
        let mut d = Diagnostics::default();
        d.attr_warning(AttrPath::root("w"), "w", "");
        assert!(!d.has_errors());
        d.attr_error(AttrPath::root("x"), "e", "");
        assert!(d.has_errors());
        assert_eq!(d.to_proto()[1].attribute.as_ref().unwrap().steps.len(), 1);
    }
}
