//! Reusing the work of the previous analysis: the per-paragraph part of an analysis (script
//! profile, figure scanning, entity recognition) is a function of the paragraph's joined text
//! alone, so [`crate::analysis::analyse_incremental`] looks every paragraph up by that text in
//! the previous analysis's [`ParagraphCache`] and redoes only the paragraphs an edit changed.
//! Everything that looks across paragraphs (placing the per-paragraph results at their new
//! offsets, the reference date, sequences, every rule, the outline) runs on the whole document
//! each time, so the result is the same as a full [`crate::analyse`] of the text.
//!
//! An analysis that is cancelled ([`crate::analysis::analyse_incremental_cancellable`]) stops
//! between paragraphs; its cache, where the paragraphs it did not reach keep only what they
//! had, is returned in an [`crate::analysis::Interrupted`] and is a start for the next version
//! like a finished analysis's.
//!
//! The cache is a value inside [`crate::Analysis`]: no global state, nothing to invalidate. It
//! holds one entry per paragraph of its own document (entries for paragraphs that are gone are
//! dropped with the old analysis), shared through `Arc` with the analyses it was reused by.

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::sync::{Arc, OnceLock};

use crate::document::Document;
use crate::entities::{EntityIndex, EntityKind, Found, Options};
use crate::figures::ParagraphFigures;
use crate::script::ScriptProfile;
use crate::text::TextRange;

/// The per-paragraph work of one analysis, in paragraph order.
#[derive(Clone, Debug, Default)]
pub struct ParagraphCache {
    work: Vec<Arc<ParagraphWork>>,
    /// How many paragraphs of this analysis were looked up in the previous one.
    reused: usize,
}

/// What one paragraph's joined text gave.
#[derive(Debug, Default)]
pub struct ParagraphWork {
    profile: ScriptProfile,
    /// `None` until the paragraph is analysed as part of a Chinese text.
    figures: Option<ParagraphFigures>,
    /// The names, with the index and options they were found with.
    entities: Option<(EntityKey, Vec<Found>)>,
    /// The names the LAC model found in the paragraph, once [`crate::Analysis::add_model_names`]
    /// has run on it: a function of the text alone, kept by every later analysis the
    /// paragraph is reused in.
    model: OnceLock<Vec<(TextRange, EntityKind)>>,
}

/// What entity recognition depends on besides the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntityKey {
    index: u64,
    guesses: bool,
}

impl EntityKey {
    pub fn new(index: &EntityIndex, options: Options<'_>) -> EntityKey {
        EntityKey { index: index.id(), guesses: options.tagger.is_some() }
    }
}

impl ParagraphWork {
    fn found(&self) -> &[Found] {
        self.entities.as_ref().map_or(&[][..], |(_, found)| found.as_slice())
    }
}

impl ParagraphCache {
    pub fn len(&self) -> usize {
        self.work.len()
    }

    /// How many paragraphs of this analysis were looked up in the previous one rather than
    /// analysed.
    pub fn reused(&self) -> usize {
        self.reused
    }

    pub fn is_empty(&self) -> bool {
        self.work.is_empty()
    }

    /// Each paragraph's names as the analysis found them (none where entities were off).
    pub(crate) fn entities(&self) -> impl Iterator<Item = &[Found]> {
        self.work.iter().map(|work| work.found())
    }

    /// Each paragraph's names from the LAC model, `None` where the model has not run on it.
    pub(crate) fn model_names(&self) -> impl Iterator<Item = Option<&[(TextRange, EntityKind)]>> {
        self.work.iter().map(|work| work.model.get().map(Vec::as_slice))
    }

    /// Records the model's names of paragraph `at` (found by the caller with the model).
    pub(crate) fn set_model_names(&self, at: usize, names: Vec<(TextRange, EntityKind)>) {
        if let Some(work) = self.work.get(at) {
            // A paragraph shared with another analysis may have been done there meanwhile:
            // the same text gives the same names.
            let _ = work.model.set(names);
        }
    }

    /// How many paragraphs have had the work of a Chinese text done (an analysis that was
    /// cancelled did not reach the others).
    pub fn completed(&self) -> usize {
        self.work.iter().filter(|work| work.figures.is_some()).count()
    }
}

/// Builds a document and its paragraph cache, reusing `previous` (the previous analysis's
/// document and cache) for every paragraph whose joined text is unchanged.
pub(crate) struct Builder {
    work: Vec<Arc<ParagraphWork>>,
    /// For each paragraph: its work came from the previous analysis.
    reused: Vec<bool>,
}

impl Builder {
    /// The document of `text`, with the script profile of each paragraph looked up in
    /// `previous` or counted.
    pub(crate) fn document(text: &str, previous: Option<(&Document, &ParagraphCache)>) -> (Document, Builder) {
        let mut lookup: HashMap<&str, &Arc<ParagraphWork>> = HashMap::new();
        if let Some((document, cache)) = previous
            && document.paragraphs().len() == cache.work.len()
        {
            for (joined, work) in document.paragraphs().iter().map(|p| p.joined.text.as_str()).zip(&cache.work) {
                // Of a paragraph that occurs more than once, a copy that a cancelled analysis
                // reached is worth more than one it did not.
                lookup
                    .entry(joined)
                    .and_modify(|found| {
                        if found.figures.is_none() {
                            *found = work
                        }
                    })
                    .or_insert(work);
            }
        }
        let mut builder = Builder { work: Vec::new(), reused: Vec::new() };
        let document = Document::with_profiles(text, |joined| match lookup.get(joined) {
            Some(&work) => {
                builder.work.push(work.clone());
                builder.reused.push(true);
                work.profile
            }
            None => {
                let profile = ScriptProfile::of(joined);
                builder.work.push(Arc::new(ParagraphWork { profile, ..ParagraphWork::default() }));
                builder.reused.push(false);
                profile
            }
        });
        (document, builder)
    }

    /// Completes every paragraph's work with what a Chinese text needs: figures always,
    /// entities when `entities` (the index and options) is given. Work that was found with a
    /// different index or options is redone.
    ///
    /// Stops before the next paragraph once `cancelled` says so, returning `Break`: the
    /// paragraphs done so far keep their work, the others keep what they had, so the cache is
    /// as good a start for the next version as a finished one.
    pub(crate) fn complete(
        &mut self,
        document: &Document,
        entities: Option<(&EntityIndex, Options<'_>)>,
        cancelled: &dyn Fn() -> bool,
    ) -> ControlFlow<()> {
        let key = entities.map(|(index, options)| EntityKey::new(index, options));
        for (work, paragraph) in self.work.iter_mut().zip(document.paragraphs()) {
            let has_figures = work.figures.is_some();
            let has_entities = match (&work.entities, key) {
                (_, None) => true,
                (Some((found_with, _)), Some(key)) => *found_with == key,
                (None, Some(_)) => false,
            };
            if has_figures && has_entities {
                continue;
            }
            if cancelled() {
                return ControlFlow::Break(());
            }
            let joined = paragraph.joined.text.as_str();
            let figures = match &work.figures {
                Some(figures) => figures.clone(),
                None => ParagraphFigures::scan(joined),
            };
            let found = match (entities, key) {
                (Some((index, options)), Some(key)) if !has_entities => {
                    Some((key, crate::entities::find_in_paragraph(joined, index, options)))
                }
                _ => work.entities.clone(),
            };
            *work = Arc::new(ParagraphWork {
                profile: work.profile,
                figures: Some(figures),
                entities: found,
                model: work.model.clone(),
            });
        }
        ControlFlow::Continue(())
    }

    pub(crate) fn figures(&self) -> impl Iterator<Item = &ParagraphFigures> {
        self.work.iter().filter_map(|work| work.figures.as_ref())
    }

    pub(crate) fn entities(&self) -> impl Iterator<Item = &[Found]> {
        self.work.iter().map(|work| work.found())
    }

    pub(crate) fn finish(self) -> ParagraphCache {
        let reused = self.reused.iter().filter(|&&r| r).count();
        ParagraphCache { work: self.work, reused }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use std::cell::Cell;

    use crate::analysis::{Start, analyse_from};
    use crate::{
        Analysis, Cancel, Config, Interrupted, analyse_incremental, analyse_incremental_cancellable, analyse_with,
    };

    /// Pieces of a news text (our own, in the corpus's style): figures, dates, sequences, names
    /// in both scripts, hard line breaks, blank lines, headings.
    const PIECES: &[&str] = &[
        "國家主席習近平",
        "习近平",
        "11月13日",
        "2024年11月14日",
        "（星期五）",
        "抵達利馬",
        "出席亞太經合組織",
        "APEC",
        "秘魯",
        "錢凱港",
        "共有5個項目",
        "三個方面",
        "一是",
        "二是",
        "一、",
        "三、",
        "百分之二點一",
        "3億美元",
        "60多人",
        "，",
        "。",
        "：",
        "\n",
        "\n\n",
        "\r\n",
        "  ",
        "## ",
        "【本報訊】",
        "去年",
        "第一",
        "博魯阿爾特總統",
        "政府統計處昨日公布",
        "發展中國家",
    ];

    fn text_of(pieces: &[usize]) -> String {
        pieces.iter().map(|&i| PIECES[i % PIECES.len()]).collect()
    }

    /// Everything an analysis reports, cache aside.
    fn report(analysis: &Analysis) -> String {
        format!(
            "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
            analysis.document.paragraphs(),
            analysis.document.script_profile(),
            analysis.is_chinese,
            analysis.figures,
            analysis.findings,
            analysis.entities(),
            analysis.outline()
        )
    }

    /// An edit: replace `len` pieces at `at` by `insert` (all modulo the text's length).
    type Edit = (usize, usize, Vec<usize>);

    fn apply(pieces: &mut Vec<usize>, (at, len, insert): &Edit) {
        let at = at % (pieces.len() + 1);
        let end = (at + len % 4).min(pieces.len());
        pieces.splice(at..end, insert.iter().copied());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        /// A chain of random edits, each analysed incrementally from the previous version's
        /// analysis, gives what a full analysis of each version gives.
        #[test]
        fn incremental_analysis_equals_full_analysis(
            start in proptest::collection::vec(0..PIECES.len(), 0..120),
            edits in proptest::collection::vec(
                (0..200usize, 0..8usize, proptest::collection::vec(0..PIECES.len(), 0..6)), 1..6),
            interrupt_after in proptest::collection::vec(proptest::option::of(0..12usize), 6),
        ) {
            crate::entities::tagger::load();
            let config = Config::default();
            let index = crate::entities::EntityIndex::builtin();
            let mut pieces = start;
            let mut previous = analyse_with(&text_of(&pieces), &config, index);
            for (edit, stop_after) in edits.iter().zip(interrupt_after) {
                apply(&mut pieces, edit);
                let text = text_of(&pieces);
                // The editor typed on before this version was done: its analysis stopped after
                // `stop_after` checks, and the next starts from what it had.
                let interrupted = interrupted_after(&text, &config, index, Start::from(&previous), stop_after);
                let start = interrupted.as_ref().map_or(Start::from(&previous), Start::from);
                let incremental =
                    analyse_incremental_cancellable(&text, &config, index, Some(start), &Cancel::new()).unwrap();
                let full = analyse_with(&text, &config, index);
                prop_assert_eq!(report(&incremental), report(&full), "text {:?}", text);
                prop_assert_eq!(incremental.cache.len(), full.document.paragraphs().len());
                previous = incremental;
            }
        }
    }

    /// The analysis of `text` from `start`, cancelled at its `stop_after`-th check (counted
    /// from 0); `None` when not asked to stop or when it finished first.
    fn interrupted_after(
        text: &str,
        config: &Config,
        index: &crate::entities::EntityIndex,
        start: Start<'_>,
        stop_after: Option<usize>,
    ) -> Option<Interrupted> {
        let stop_after = stop_after?;
        let checks = Cell::new(0);
        let cancelled = || {
            checks.set(checks.get() + 1);
            checks.get() > stop_after
        };
        analyse_from(text, config, || index, Some(start), &cancelled).err()
    }

    const ARTICLE: &str = "國家主席習近平11月13日抵達利馬，出席亞太經合組織領導人非正式會議。\n\n\
        據統計處資料，第三季整體貨物出口按年上升百分之五點五。\n\n\
        14日晚，習近平同博魯阿爾特總統在利馬總統府共同出席錢\n凱港開港儀式。\n\n\
        中方願同秘方一道，推動兩國關係。";

    #[test]
    fn an_edit_reanalyses_only_its_paragraph() {
        let config = Config::default();
        let index = crate::entities::EntityIndex::builtin();
        let first = analyse_with(ARTICLE, &config, index);
        assert_eq!(first.cache.reused(), 0);
        let edited = ARTICLE.replace("第三季", "第四季");
        let second = analyse_incremental(&edited, &config, index, &first);
        assert_eq!((second.cache.reused(), second.cache.len()), (3, 4));
        assert_eq!(report(&second), report(&analyse_with(&edited, &config, index)));
        // The cached names follow their paragraph to its new offsets.
        let moved = format!("新增一段。\n\n{edited}");
        let third = analyse_incremental(&moved, &config, index, &second);
        assert_eq!(third.cache.reused(), 4);
        fn names(a: &Analysis) -> Vec<&str> {
            a.entities().iter().map(|m| &a.document.text()[m.range.as_range()]).collect()
        }
        assert_eq!(names(&third), names(&first));
        assert!(names(&third).contains(&"錢\n凱港"));
    }

    #[test]
    fn names_are_found_again_with_another_index_or_options() {
        let config = Config::from_toml_str("[entities]\nguesses = false\n").unwrap();
        let builtin = crate::entities::EntityIndex::builtin();
        let first = analyse_with(ARTICLE, &config, builtin);
        let gazetteer = crate::entities::Gazetteer::from_toml_str(
            "[[entity]]\nid = \"qiankai\"\ntype = \"place\"\ntraditional = \"錢凱港\"\nsimplified = \"钱凯港\"\n",
            crate::entities::Source::Workspace,
        )
        .unwrap();
        let custom = crate::entities::EntityIndex::with_layers(&[&gazetteer]);
        let second = analyse_incremental(ARTICLE, &config, &custom, &first);
        assert_eq!(report(&second), report(&analyse_with(ARTICLE, &config, &custom)));
        assert_ne!(report(&second), report(&first));
        crate::entities::tagger::load();
        let guesses = Config::default();
        let third = analyse_incremental(ARTICLE, &guesses, builtin, &first);
        assert_eq!(report(&third), report(&analyse_with(ARTICLE, &guesses, builtin)));
    }

    /// The language server starts from the previous analysis after a settings change too: what
    /// a paragraph keeps does not depend on the settings.
    #[test]
    fn a_previous_analysis_under_other_settings_is_a_valid_start() {
        crate::entities::tagger::load();
        let index = crate::entities::EntityIndex::builtin();
        let before = Config::default();
        let after = Config::from_toml_str(
            "[analysis]\nmin_han_share = 0.2\n[figures]\nreference_date = \"2024-11-20\"\n\
             [rules]\nsum-mismatch = \"off\"\nweekday-mismatch = \"error\"\n[entities]\nguesses = false\n",
        )
        .unwrap();
        for (from, to) in [(&before, &after), (&after, &before)] {
            let previous = analyse_with(ARTICLE, from, index);
            let edited = ARTICLE.replace("第三季", "第四季");
            let incremental = analyse_incremental(&edited, to, index, &previous);
            assert_eq!(report(&incremental), report(&analyse_with(&edited, to, index)));
            assert_eq!(incremental.cache.reused(), 3);
        }
    }

    #[test]
    fn a_text_that_is_not_chinese_keeps_its_profiles_for_the_next() {
        let config = Config::default();
        let index = crate::entities::EntityIndex::builtin();
        let opening = "The president met 習近平 in Lima on Thursday, before the leaders' meeting opened.";
        let english = format!("{opening}\n\n國家主席習近平抵達利馬。");
        let first = analyse_with(&english, &config, index);
        assert!(!first.is_chinese);
        let chinese = english.replace(opening, "主席抵達。");
        let second = analyse_incremental(&chinese, &config, index, &first);
        assert!(second.is_chinese);
        assert_eq!(second.cache.reused(), 1);
        assert_eq!(report(&second), report(&analyse_with(&chinese, &config, index)));
    }

    /// A page of `ARTICLE`s with each paragraph made unique, so none is looked up in another.
    fn page(copies: usize) -> String {
        (0..copies).map(|i| ARTICLE.replace("。", &format!("（{i}）。"))).collect::<Vec<_>>().join("\n\n")
    }

    /// How many times an analysis of `text` from `start` checks whether it is cancelled (not
    /// cancelling it): once per paragraph analysed, and once per document-level pass.
    fn checks(text: &str, start: Option<Start<'_>>) -> usize {
        let config = Config::default();
        let index = crate::entities::EntityIndex::builtin();
        let checks = Cell::new(0);
        let counted = || {
            checks.set(checks.get() + 1);
            false
        };
        assert!(analyse_from(text, &config, || index, start, &counted).is_ok());
        checks.get()
    }

    #[test]
    fn of_a_paragraph_met_twice_the_copy_that_was_done_is_reused() {
        let config = Config::default();
        let index = crate::entities::EntityIndex::builtin();
        let text = "國家主席抵達利馬。\n\n中方願同秘方一道。\n\n國家主席抵達利馬。";
        let first = analyse_with("秘魯", &config, index);
        let interrupted = interrupted_after(text, &config, index, Start::from(&first), Some(1)).unwrap();
        assert_eq!(interrupted.cache().completed(), 1);
        assert_eq!(checks(text, Some(Start::from(&interrupted))), checks(text, None) - 2);
    }

    #[test]
    fn an_analysis_cancelled_from_the_start_does_no_paragraph() {
        let config = Config::default();
        let index = crate::entities::EntityIndex::builtin();
        let text = page(50);
        let cancel = Cancel::new();
        cancel.cancel();
        let interrupted = analyse_incremental_cancellable(&text, &config, index, None, &cancel)
            .expect_err("a cancelled analysis gives no analysis");
        assert_eq!(interrupted.cache().len(), 200);
        assert_eq!(interrupted.cache().completed(), 0);
        // Not cancelled, the same call is the full analysis.
        let done = analyse_incremental_cancellable(&text, &config, index, None, &Cancel::new()).unwrap();
        assert_eq!(report(&done), report(&analyse_with(&text, &config, index)));
    }

    #[test]
    fn an_analysis_stops_at_the_next_paragraph_and_the_next_starts_from_it() {
        let config = Config::default();
        let index = crate::entities::EntityIndex::builtin();
        let text = page(50);
        let checks = |start: Option<Start<'_>>, text: &str| checks(text, start);
        let from_scratch = checks(None, &text);
        assert!(from_scratch > 200, "{from_scratch} checks");
        // Cancelled at the 31st check, it stops there: 30 paragraphs done, no more.
        let first = analyse_with("國家主席習近平抵達利馬。", &config, index);
        let interrupted = interrupted_after(&text, &config, index, Start::from(&first), Some(30)).unwrap();
        assert_eq!(interrupted.cache().completed(), 30);
        // The next version starts from what it did and analyses only the other paragraphs.
        let edited = text.replace("百分之五點五（49）", "百分之五點六（49）");
        assert_eq!(checks(Some(Start::from(&interrupted)), &edited), from_scratch - 30);
        let start = Some(Start::from(&interrupted));
        let next = analyse_incremental_cancellable(&edited, &config, index, start, &Cancel::new()).unwrap();
        assert_eq!(next.cache.reused(), 200 - 1);
        assert_eq!(report(&next), report(&analyse_with(&edited, &config, index)));
    }
}
