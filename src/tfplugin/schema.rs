//! Schemas as the provider declares them, and their conversion to the wire form.
//!
//! Attributes keep the order they are declared in, so `terraform providers schema -json`, the
//! generated docs and the CDKTF bindings are stable from build to build.

use std::collections::BTreeMap;

use super::proto::tfplugin6 as pb;
use super::value::Type;

/// Whether the user sets an attribute, the provider does, or both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Required,
    Optional,
    Computed,
    /// Optional; the provider fills it in when the user leaves it out.
    OptionalComputed,
}

/// How a nested attribute or block repeats.
#[allow(dead_code)] // Set: offered by the protocol layer, not used by a resource yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nesting {
    Single,
    List,
    Set,
    Map,
}

#[derive(Clone, Debug)]
pub enum AttrType {
    Plain(Type),
    Nested(Nesting, Vec<Attr>),
}

#[derive(Clone, Debug)]
pub struct Attr {
    pub name: &'static str,
    pub ty: AttrType,
    pub mode: Mode,
    pub description: &'static str,
    pub sensitive: bool,
    /// Sent by Terraform in the configuration only; never stored in plan or state.
    pub write_only: bool,
}

impl Attr {
    pub fn new(name: &'static str, ty: Type, mode: Mode, description: &'static str) -> Attr {
        Attr { name, ty: AttrType::Plain(ty), mode, description, sensitive: false, write_only: false }
    }
    pub fn nested(
        name: &'static str,
        nesting: Nesting,
        attrs: Vec<Attr>,
        mode: Mode,
        description: &'static str,
    ) -> Attr {
        Attr {
            name,
            ty: AttrType::Nested(nesting, attrs),
            mode,
            description,
            sensitive: false,
            write_only: false,
        }
    }
    pub fn write_only(mut self) -> Attr {
        self.write_only = true;
        self.sensitive = true;
        self
    }

    pub fn value_type(&self) -> Type {
        match &self.ty {
            AttrType::Plain(t) => t.clone(),
            AttrType::Nested(nesting, attrs) => {
                let obj = object_type(attrs.iter().map(|a| (a.name, a.value_type())));
                wrap(*nesting, obj)
            }
        }
    }

    fn to_proto(&self) -> pb::schema::Attribute {
        let (ty, nested) = match &self.ty {
            AttrType::Plain(t) => (t.to_json().to_string().into_bytes(), None),
            AttrType::Nested(nesting, attrs) => (
                Vec::new(),
                Some(pb::schema::Object {
                    attributes: attrs.iter().map(Attr::to_proto).collect(),
                    nesting: match nesting {
                        Nesting::Single => pb::schema::object::NestingMode::Single,
                        Nesting::List => pb::schema::object::NestingMode::List,
                        Nesting::Set => pb::schema::object::NestingMode::Set,
                        Nesting::Map => pb::schema::object::NestingMode::Map,
                    } as i32,
                    ..Default::default()
                }),
            ),
        };
        pb::schema::Attribute {
            name: self.name.to_string(),
            r#type: ty,
            nested_type: nested,
            description: self.description.to_string(),
            description_kind: pb::StringKind::Markdown as i32,
            required: self.mode == Mode::Required,
            optional: matches!(self.mode, Mode::Optional | Mode::OptionalComputed),
            computed: matches!(self.mode, Mode::Computed | Mode::OptionalComputed),
            sensitive: self.sensitive,
            write_only: self.write_only,
            ..Default::default()
        }
    }
}

/// A nested block, such as `timeouts { ... }` or `assume_role { ... }`.
#[derive(Clone, Debug)]
pub struct BlockType {
    pub name: &'static str,
    pub nesting: Nesting,
    pub block: Block,
    pub max_items: i64,
}

#[derive(Clone, Debug, Default)]
pub struct Block {
    pub description: &'static str,
    pub attrs: Vec<Attr>,
    pub blocks: Vec<BlockType>,
}

impl Block {
    pub fn value_type(&self) -> Type {
        object_type(
            self.attrs
                .iter()
                .map(|a| (a.name, a.value_type()))
                .chain(self.blocks.iter().map(|b| (b.name, wrap(b.nesting, b.block.value_type())))),
        )
    }

    /// Names of write-only attributes at the top level (they must be nulled in plan/state).
    pub fn write_only_attrs(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.attrs.iter().filter(|a| a.write_only).map(|a| a.name)
    }

    fn to_proto(&self) -> pb::schema::Block {
        pb::schema::Block {
            attributes: self.attrs.iter().map(Attr::to_proto).collect(),
            block_types: self
                .blocks
                .iter()
                .map(|b| pb::schema::NestedBlock {
                    type_name: b.name.to_string(),
                    block: Some(b.block.to_proto()),
                    nesting: match b.nesting {
                        Nesting::Single => pb::schema::nested_block::NestingMode::Single,
                        Nesting::List => pb::schema::nested_block::NestingMode::List,
                        Nesting::Set => pb::schema::nested_block::NestingMode::Set,
                        Nesting::Map => pb::schema::nested_block::NestingMode::Map,
                    } as i32,
                    max_items: b.max_items,
                    ..Default::default()
                })
                .collect(),
            description: self.description.to_string(),
            description_kind: pb::StringKind::Markdown as i32,
            ..Default::default()
        }
    }
}

/// A versioned schema of a provider, resource or data source.
#[derive(Clone, Debug)]
pub struct Schema {
    pub version: i64,
    pub block: Block,
}

impl Schema {
    pub fn to_proto(&self) -> pb::Schema {
        pb::Schema { version: self.version, block: Some(self.block.to_proto()) }
    }
}

fn object_type<'a>(attrs: impl Iterator<Item = (&'a str, Type)>) -> Type {
    Type::Object(attrs.map(|(n, t)| (n.to_string(), t)).collect::<BTreeMap<_, _>>())
}

fn wrap(nesting: Nesting, t: Type) -> Type {
    match nesting {
        Nesting::Single => t,
        Nesting::List => Type::list(t),
        Nesting::Set => Type::set(t),
        Nesting::Map => Type::map(t),
    }
}

/// The `timeouts` block every long-running resource offers (durations like "45m").
pub fn timeouts_block(ops: &[&'static str]) -> BlockType {
    BlockType {
        name: "timeouts",
        nesting: Nesting::Single,
        max_items: 0,
        block: Block {
            description: "How long each operation may take before it fails, as a duration such as `\"60m\"` or `\"1h30m\"`.",
            attrs: ops
                .iter()
                .map(|op| {
                    Attr::new(
                        op,
                        Type::String,
                        Mode::Optional,
                        match *op {
                            "create" => "Time limit for creating the whole pair.",
                            "update" => "Time limit for an in-place update or repair.",
                            "delete" => "Time limit for destroying the whole pair.",
                            _ => "Time limit for this operation.",
                        },
                    )
                })
                .collect(),
            blocks: vec![],
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_attributes_have_no_plain_type_on_the_wire() {
        // Terraform rejects an attribute that sets both `type` and `nested_type`.
        let a = Attr::nested(
            "members",
            Nesting::List,
            vec![Attr::new("region", Type::String, Mode::Computed, "r")],
            Mode::Computed,
            "m",
        );
        let p = a.to_proto();
        assert!(p.r#type.is_empty());
        assert!(p.nested_type.is_some());
        assert_eq!(
            a.value_type(),
            Type::list(Type::Object(BTreeMap::from([("region".into(), Type::String)])))
        );
    }

    #[test]
    fn attribute_order_is_declaration_order() {
        let b = Block {
            attrs: vec![
                Attr::new("zeta", Type::String, Mode::Optional, ""),
                Attr::new("alpha", Type::String, Mode::Optional, ""),
            ],
            ..Default::default()
        };
        let names: Vec<_> = b.to_proto().attributes.into_iter().map(|a| a.name).collect();
        assert_eq!(names, ["zeta", "alpha"]);
    }

    #[test]
    fn write_only_implies_sensitive() {
        let a = Attr::new("password_wo", Type::String, Mode::Optional, "").write_only();
        let p = a.to_proto();
        assert!(p.write_only && p.sensitive);
    }
}
