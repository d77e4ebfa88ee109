//! Untrusted text in every field comes out inert: no script element, no event-handler
//! attribute, no `javascript:` or `data:` URL, anywhere in the built site.

use crate::common;

use common::{assert_inert, dossier, stderr, write, Site};

const XSS: &str = "<script>alert(1)</script><img src=x onerror=alert(2)>";

#[test]
fn hostile_strings_in_every_field_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let y = |s: &str| serde_json::to_string(s).unwrap(); // a JSON string is a valid YAML string
    write(root, "content/dossier.yaml", &format!(
        "title: {t}\nsubtitle: {t}\nas_of: 2026-01-07\nbottom_line: |\n  {x}\n  [click](javascript:alert(3)) [d](data:text/html,hi) [[evil]]\nkey_judgments:\n  - text: {t}\n    citations:\n      - source: evil-source\n        quote: {q}\n",
        t = y(XSS), x = XSS, q = y("<script>alert(1)</script>")));
    write(
        root,
        "content/actors/evil.yaml",
        &format!(
            "name: {t}\nkind: person\naliases: [{a}]\nrole: {t}\nsummary: {t}\nreviewed: 2026-01-07\n",
            t = y(XSS),
            a = y("\"><svg onload=alert(4)>")
        ),
    );
    write(root, "content/pillars/p.yaml", &format!(
        "title: {t}\norder: 1\nstatus: proposed\nsummary: {t}\nactors:\n  - actor: evil\n    role: {t}\nkey_points:\n  - text: {t}\n    citations:\n      - source: evil-source\n        quote: {q}\nreviewed: 2026-01-07\n",
        t = y(XSS), q = y("onerror=alert(2)")));
    write(root, "content/sources/evil-source.md", &format!(
        "---\ntitle: {t}\npublisher: {t}\nurl: \"javascript:alert(5)\"\nrelays: {t}\nreliability: {t}\n---\n{x}\n\n\"><svg onload=alert(4)> said <script>alert(1)</script>\n\n<iframe src=\"data:text/html,x\"></iframe>\n",
        t = y(XSS), x = XSS));
    let out = root.join("site");
    let o = dossier(&["build", "--root", root.to_str().unwrap(), "--output", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let site = Site::load(&out);
    assert_inert(&site);
    let saw_text = site
        .pages
        .values()
        .filter(|h| h.root_element().text().collect::<String>().contains("<script>alert(1)</script>"))
        .count();
    assert!(saw_text >= 3, "hostile strings are shown as text, not dropped silently ({saw_text} pages)");
    assert!(site.broken_links().iter().all(|p| !p.contains("javascript")), "{:?}", site.broken_links());
}
