//! What the lab (`crates/lab`: `lede eval`, `lede train`) reads of the stages'
//! internals, gathered in one place so that the stages keep them private to the
//! crate. Only with the `lab` feature; not part of the product's API.

/// The entity tagger's model, decoder and trainer.
pub mod entities {
    pub use crate::entities::levers::{set as set_lever, Lever};
    pub use crate::entities::tagger::training::{Perceptron, TrainDoc};
    pub use crate::entities::tagger::{begin_tag, inside_tag, QuantizedModel, Weights, TYPES};
    pub use crate::entities::{recognize_with, Dictionary, MODEL_BYTES};
}

/// Intake's steps, scored one by one.
pub mod intake {
    pub use crate::intake::charset::decode_page;
    pub use crate::intake::html::extract;
    pub use crate::intake::repair::repair;
    pub use crate::intake::{intake, Metadata};
}

/// The sentence lexicon, the targeted-sentiment and sentence-tone models and their trainers.
pub mod sentiment {
    pub use crate::sentiment::target::training;
    pub use crate::sentiment::target::{argmax, features, Context, Model};
    pub use crate::sentiment::{score, sentence_score, token_range, TARGET_MODEL_BYTES};

    /// The sentence-tone model, its features and its trainer.
    pub mod tone {
        pub use crate::sentiment::tone::training;
        pub use crate::sentiment::tone::{features, Feature, Model, Sentence};
        pub use crate::sentiment::{read_sentences, SentenceReading, TONE_MODEL_BYTES};
    }
}

/// Date-expression recognition and the time stage.
pub mod time {
    pub use crate::ground::dates::calendar::Date;
    pub use crate::ground::dates::{parse_iso_date, tag_words};
    pub use crate::intake::Published;
    pub use crate::time::{resolve, spans_of};
}
