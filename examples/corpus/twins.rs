//! The Hugo and Zola twins of the generated corpus: the same sources as pages, actors and
//! pillars as taxonomies, the curated items as plain pages, and a minimal layout.

use std::path::Path;

use super::{write, Actor};

/// The Hugo twin: the same sources, actors and pillars as taxonomies, curated items as pages.
pub fn write_hugo_site(h: &Path, n: usize, actors: &[Actor]) {
    write(h.join("hugo.toml"), &format!("baseURL = \"/\"\ntitle = \"Benchmark dossier ({n} sources)\"\nrelativeURLs = true\nuglyURLs = true\n[taxonomies]\n  actor = \"actors\"\n  pillar = \"pillars\"\n"));
    for (i, a) in actors.iter().enumerate() {
        write(
            h.join(format!("content/people/{}.md", a.id)),
            &format!("---\ntitle: \"{}\"\n---\nAn actor, linked to pillar {}.\n", a.name, i % 8 + 1),
        );
    }
    for q in 1..=40 {
        write(
            h.join(format!("content/questions/q{q:02}.md")),
            &format!("---\ntitle: \"Open question {q}\"\n---\nIt decides a pillar.\n"),
        );
    }
    for e in 1..=100 {
        write(
            h.join(format!("content/events/e{e:03}.md")),
            &format!("---\ntitle: \"Event {e}\"\n---\nSomething happened.\n"),
        );
    }
    for f in 1..=30 {
        write(
            h.join(format!("content/figures/f{f:02}.md")),
            &format!("---\ntitle: \"Figure {f}\"\n---\nA reported number.\n"),
        );
    }
    let base = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><nav><a href=\"{{ \"/\" | relURL }}\">Home</a></nav><main>{{ block \"main\" . }}{{ end }}</main></body></html>\n";
    write(h.join("layouts/_default/baseof.html"), base);
    write(h.join("layouts/_default/single.html"), "{{ define \"main\" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .GetTerms \"actors\" }}<li><a href=\"{{ .RelPermalink }}\">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}\n");
    write(h.join("layouts/_default/list.html"), "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n");
}

/// A TOML string.
fn toml(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// One source of the Zola twin.
pub fn zola_page(z: &Path, i: usize, title: &str, date: &str, actors: &[&str], body: &str) {
    let tags: Vec<String> = actors.iter().map(|a| toml(a)).collect();
    write(
        z.join(format!("content/sources/s{i:06}.md")),
        &format!(
            "+++\ntitle = {}\ndate = {date}\n[taxonomies]\nactors = [{}]\npillars = [\"Pillar {}\"]\n+++\n{body}\n",
            toml(title),
            tags.join(", "),
            i % 8 + 1
        ),
    );
}

/// The Zola twin's configuration, sections, curated pages and templates.
pub fn write_zola_site(z: &Path, n: usize, actors: &[Actor]) {
    write(z.join("config.toml"), &format!("base_url = \"/\"\ntitle = \"Benchmark dossier ({n} sources)\"\ncompile_sass = false\nbuild_search_index = false\ntaxonomies = [{{ name = \"actors\" }}, {{ name = \"pillars\" }}]\n"));
    write(z.join("content/_index.md"), "+++\ntitle = \"Home\"\n+++\n");
    for section in ["sources", "people", "questions", "events", "figures"] {
        write(z.join(format!("content/{section}/_index.md")), &format!("+++\ntitle = \"{section}\"\n+++\n"));
    }
    for (i, a) in actors.iter().enumerate() {
        write(
            z.join(format!("content/people/{}.md", a.id)),
            &format!("+++\ntitle = {}\n+++\nAn actor, linked to pillar {}.\n", toml(&a.name), i % 8 + 1),
        );
    }
    for q in 1..=40 {
        write(
            z.join(format!("content/questions/q{q:02}.md")),
            &format!("+++\ntitle = \"Open question {q}\"\n+++\nIt decides a pillar.\n"),
        );
    }
    for e in 1..=100 {
        write(
            z.join(format!("content/events/e{e:03}.md")),
            &format!("+++\ntitle = \"Event {e}\"\n+++\nSomething happened.\n"),
        );
    }
    for f in 1..=30 {
        write(
            z.join(format!("content/figures/f{f:02}.md")),
            &format!("+++\ntitle = \"Figure {f}\"\n+++\nA reported number.\n"),
        );
    }
    let base = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{% block title %}{{ config.title }}{% endblock %}</title></head><body><nav><a href=\"{{ get_url(path='/') }}\">Home</a></nav><main>{% block main %}{% endblock %}</main></body></html>\n";
    write(z.join("templates/base.html"), base);
    let list = |what: &str| {
        format!("{{% extends \"base.html\" %}}{{% block main %}}<h1>{{{{ {what}.title }}}}</h1><ul>{{% for p in {what}.pages %}}<li><a href=\"{{{{ p.permalink }}}}\">{{{{ p.title }}}}</a></li>{{% endfor %}}</ul>{{% endblock %}}\n")
    };
    write(z.join("templates/index.html"), &list("section"));
    write(z.join("templates/section.html"), &list("section"));
    write(z.join("templates/page.html"), "{% extends \"base.html\" %}{% block main %}<h1>{{ page.title }}</h1>{{ page.content | safe }}<ul>{% if page.taxonomies.actors %}{% for a in page.taxonomies.actors %}<li><a href=\"{{ get_taxonomy_url(kind='actors', name=a) }}\">{{ a }}</a></li>{% endfor %}{% endif %}</ul>{% endblock %}\n");
    write(z.join("templates/taxonomy_list.html"), "{% extends \"base.html\" %}{% block main %}<ul>{% for t in terms %}<li><a href=\"{{ t.permalink }}\">{{ t.name }}</a></li>{% endfor %}</ul>{% endblock %}\n");
    write(z.join("templates/taxonomy_single.html"), &list("term"));
}
