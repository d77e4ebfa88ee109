//! Field rules shared by the loader and the schema: each reader here has a schema
//! function beside it stating the same rule, so `dossier schema` cannot drift from what
//! a build accepts (tests/schema_agreement.rs feeds both the same files).
//!
//! Errors are raised inside serde_yaml's visit of the value, so they carry the value's
//! line and column; their words are turned into an editor's in `diagnostic::yaml`.

use std::fmt;

use schemars::{json_schema, Schema, SchemaGenerator};
use serde::de::{self, Deserializer, Visitor};

/// What an id is: a file name without extension (see `load::is_valid_id`).
pub const ID_PATTERN: &str = "^[a-z0-9][a-z0-9-]*$";

/// Text that says something: not empty, not only spaces.
pub const NOT_BLANK: &str = "\\S";

/// Where a build publishes: an http(s) address without spaces (see `resolve::items::meta`).
pub const WEB_ADDRESS: &str = "^[Hh][Tt][Tt][Pp][Ss]?://\\S*$";

/// Required text: a YAML scalar that is not empty. A number or `true` is taken as the
/// text it reads as (`title: 1984`, `value: 800`), as an editor would expect.
pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    struct Text;
    impl Visitor<'_> for Text {
        type Value = String;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("text")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
            if v.trim().is_empty() {
                Err(E::custom("is empty"))
            } else {
                Ok(v.to_string())
            }
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_unit<E: de::Error>(self) -> Result<String, E> {
            Err(E::custom("is empty"))
        }
        fn visit_none<E: de::Error>(self) -> Result<String, E> {
            Err(E::custom("is empty"))
        }
    }
    d.deserialize_any(Text)
}

pub fn text_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": ["string", "number", "boolean"], "pattern": NOT_BLANK })
}

/// An id that must name another file: required text shaped like an id.
pub fn id_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": "string", "pattern": ID_PATTERN })
}

/// An optional number that is a quantity: `.nan` and `.inf` are refused (they cannot be
/// compared or shown), as JSON, which the schema speaks, has no such numbers.
pub fn finite<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    struct Finite;
    impl Visitor<'_> for Finite {
        type Value = Option<f64>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a finite number")
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Option<f64>, E> {
            if v.is_finite() {
                Ok(Some(v))
            } else {
                Err(E::custom("is not a finite number"))
            }
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Option<f64>, E> {
            Ok(Some(v as f64))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Option<f64>, E> {
            Ok(Some(v as f64))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Option<f64>, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> Result<Option<f64>, E> {
            Ok(None)
        }
    }
    d.deserialize_any(Finite)
}
