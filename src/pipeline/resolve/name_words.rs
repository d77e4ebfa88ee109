//! Word lists for finding names in articles: words that are capitalised but not names,
//! titles that stand before a name, and a site's section words. Kept as one string per
//! list, so each reads (and is edited) as a paragraph.

use std::collections::HashSet;
use std::sync::LazyLock;

/// Capitalised words that are not names when they open a sentence (or stand alone):
/// pronouns, conjunctions, calendar words, boilerplate.
const COMMON: &str = "A About Additionally After Again Also Although Among An And Another Any Are As At \
    Because Before Both But By Can Case Could Despite Did Do Does During Each Earlier Either Even Every \
    Few First Following For From Further Had Has Have He Her Here His How However I If In Indeed \
    Initially Instead Is It Its January February March April May June July August September October \
    November December Key Last Later Let Many Meanwhile More Moreover Most Much Neither Never Nevertheless \
    New Next No Nor Not Now Of Often On Once One Only Or Other Otherwise Our Over Perhaps Rather Read \
    Second Several She Should Since So Some Still Such Than That The Their Then There Therefore These \
    They Third This Those Though Thus To Today Tomorrow Under Unlike Until Up Upon We Were What Whatever \
    When Where Whether Which While Who Why Will With Within Without Would Yesterday Yet You Your \
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday";

/// Titles that stand before a person's name: everything up to the last of them in a run
/// of capitalised words is the title, not the name ("Polish Prime Minister Donald Tusk").
const PERSON_TITLES: &str = "Admiral Ambassador Captain Chair Chairman Chairwoman Chancellor Chief Colonel \
    Commander Commissioner Dame Deputy Director Dr Editor Envoy General Governor Judge King Lady Leader \
    Lieutenant Lord Marshal Mayor Minister Mr Mrs Ms Pope President Prime Prince Princess Queen \
    Representative Secretary Senator Sir Speaker Spokesman Spokesperson Spokeswoman";

/// Adjectives and labels that edge a phrase around a name but are not part of it.
const EDGE_WORDS: &str = "According American Analysts Article Australian British Canadian Chinese Comment \
    Data Dutch Eastern European FAQ Finnish Foreign Former French German Government High Hungarian \
    Italian Japanese Northern Polish Russian Southern Spanish Special Swedish Tags Turkish Ukrainian \
    Western";

/// A web page's section and navigation words, which imports of saved pages carry
/// ("Editors", "Get Involved"). Compared with whole candidates, ignoring case.
const SECTION_WORDS: &str = "About Us|Advertisement|Advertising|Archive|Archives|Author|Authors|Comments|\
    Contact|Contact Us|Contents|Cookie Policy|Cookies|Discussion|Donate|Editor's Picks|Editors|Editors' Picks|\
    Email|Facebook|Featured|Follow|Follow Us|Full Story|Get Involved|Home|Image|Latest|Latest News|Listen|\
    Log In|Login|Menu|Most Popular|Most Read|Newsletter|Newsletters|News|Next Article|Opinion|Photo|Podcast|\
    Podcasts|Previous Article|Print|Privacy|Privacy Policy|Read More|Related|Related Articles|\
    Related Stories|Search|See Also|Share|Share This|Sign In|Sign Up|Skip|Sponsored|Subscribe|Support Us|\
    Terms|Terms of Service|Terms of Use|Topics|Trending|Twitter|Video|Videos|Watch|WhatsApp";

/// Words that may join the capitalised words of one name ("Bank of England").
pub const JOINERS: &[&str] = &["of", "de", "von", "der", "van", "al", "la", "du", "del"];

fn words(list: &'static str) -> HashSet<&'static str> {
    list.split_whitespace().collect()
}

static COMMON_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| words(COMMON));
static PERSON_TITLE_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| words(PERSON_TITLES));
static EDGE_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| words(EDGE_WORDS));
static SECTION_SET: LazyLock<HashSet<String>> =
    LazyLock::new(|| SECTION_WORDS.split('|').map(|w| w.trim().to_lowercase()).collect());

/// A word that is capitalised only because it opens a sentence, or is boilerplate.
pub fn is_common(word: &str) -> bool {
    COMMON_SET.contains(word)
}

/// A title before a person's name ("Minister", "Mr").
pub fn is_person_title(word: &str) -> bool {
    PERSON_TITLE_SET.contains(word.trim_end_matches('.'))
}

/// A title, adjective or joiner: part of the phrase around a name, not of the name.
pub fn is_edge(word: &str) -> bool {
    is_person_title(word) || EDGE_SET.contains(word) || JOINERS.contains(&word)
}

/// A site's section or navigation words, as a whole candidate ("Get Involved").
pub fn is_section_words(name: &str) -> bool {
    SECTION_SET.contains(&name.to_lowercase())
}
