//! The address a site is published at. One rule, whether it comes from `dossier.yaml`
//! or from `--base-url`: an absolute http(s) address with a host, and nothing a link
//! cannot be built on (whitespace, a query or a fragment).

use std::fmt;

use serde::Serialize;

/// An absolute `http(s)://host/path` address, as the editor wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct BaseUrl(String);

impl BaseUrl {
    /// Parses an address; the error says what is wrong and how to write it.
    pub fn parse(url: &str) -> Result<BaseUrl, String> {
        let url = url.trim();
        let lower = url.to_ascii_lowercase();
        let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
        let host = rest.map(|r| r.split('/').next().unwrap_or_default()).unwrap_or_default();
        let bad = |c: char| c.is_whitespace() || c.is_control() || c == '?' || c == '#';
        if host.is_empty() || url.chars().any(bad) {
            return Err(format!(
                "`{url}` is not an absolute web address: write it like https://example.org/my-dossier/"
            ));
        }
        Ok(BaseUrl(url.to_string()))
    }

    /// The address with exactly one trailing slash, ready for a relative path.
    pub fn with_slash(&self) -> String {
        format!("{}/", self.0.trim_end_matches('/'))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::BaseUrl;

    #[test]
    fn one_rule_for_every_address() {
        for good in ["https://example.org", "http://example.org/dossier/", "HTTPS://Example.org/a"] {
            assert!(BaseUrl::parse(good).is_ok(), "{good}");
        }
        for bad in ["https://?#", "https://", "example.org", "ftp://example.org", "https://a b", "https://x/?q=1"] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(BaseUrl::parse("https://x.org/d").unwrap().with_slash(), "https://x.org/d/");
        assert_eq!(BaseUrl::parse("https://x.org/d//").unwrap().with_slash(), "https://x.org/d/");
    }
}
