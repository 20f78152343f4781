//! [`analyse`]: the one entry point from text to everything zhnews knows about it.

use crate::cancel::Cancel;
use crate::config::Config;
use crate::document::Document;
use crate::figures::Figures;
use crate::finding::Finding;
use crate::rules;

/// Everything known about one document version.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub document: Document,
    /// False when the text is not Chinese enough to analyse (see [`is_chinese`]); such a
    /// document gets no findings.
    pub is_chinese: bool,
    /// Quantities, dates and ordinal sequences, found once and shared by the figure rules.
    pub figures: Figures,
    pub findings: Vec<Finding>,
    /// Named entities in text order (see [`crate::entities`]), from the dictionaries and jieba:
    /// what the rules saw.
    entities: Vec<crate::entities::Mention>,
    /// [`Analysis::entities`] with the LAC model's names, once [`Analysis::add_model_names`]
    /// has run to the end.
    with_model_names: std::sync::OnceLock<Vec<crate::entities::Mention>>,
    /// The region whose romanisation guessed people get.
    region: Option<crate::entities::romanise::Region>,
    /// Titles, stories and sections, built on first use by [`Analysis::outline`]: no rule needs
    /// them, and a keystroke's re-analysis (what a hover waits for) should not pay for them.
    outline: std::sync::OnceLock<Vec<crate::outline::OutlineNode>>,
    outline_config: crate::outline::OutlineConfig,
    /// The per-paragraph work, for [`analyse_incremental`] of the next version.
    pub cache: crate::incremental::ParagraphCache,
}

/// True when Han characters make up at least `config.analysis.min_han_share` of the text's
/// letters. An English `.txt` with a few Chinese words stays unanalysed.
pub fn is_chinese(document: &Document, config: &Config) -> bool {
    let profile = document.script_profile();
    profile.han > 0 && profile.han_share() >= config.analysis.min_han_share
}

/// Analyses one document version. Never fails, never panics.
pub fn analyse(text: &str, config: &Config) -> Analysis {
    analyse_lazily(text, config, || crate::entities::EntityIndex::builtin())
}

/// [`analyse`] with the entity index of the document's gazetteers (user and workspace layers).
pub fn analyse_with(text: &str, config: &Config, entity_index: &crate::entities::EntityIndex) -> Analysis {
    analyse_lazily(text, config, || entity_index)
}

/// [`analyse_with`] the next version of a document, given the analysis of an earlier version
/// (any earlier version, or another text altogether): paragraphs whose text is unchanged are
/// looked up instead of analysed again (see [`crate::incremental`]). The result is the same as
/// [`analyse_with`]'s.
pub fn analyse_incremental(
    text: &str,
    config: &Config,
    entity_index: &crate::entities::EntityIndex,
    previous: &Analysis,
) -> Analysis {
    finished(analyse_from(text, config, || entity_index, Some(previous.into()), &never))
}

/// [`analyse_incremental`] that gives up once `cancel` is set: it checks the flag before each
/// paragraph it analyses and between the document-level passes, and returns what it had done
/// as an [`Interrupted`], never as an [`Analysis`]. `previous` (a finished or an interrupted
/// analysis of any earlier version, or none) is where it starts; an interrupted one is as
/// good a start as a finished one for the paragraphs it reached. When it is not cancelled the
/// result is the same as [`analyse_with`]'s.
pub fn analyse_incremental_cancellable(
    text: &str,
    config: &Config,
    entity_index: &crate::entities::EntityIndex,
    previous: Option<Start<'_>>,
    cancel: &Cancel,
) -> Result<Analysis, Interrupted> {
    analyse_from(text, config, || entity_index, previous, &|| cancel.is_cancelled())
}

/// What an analysis that was cancelled had done: the document and the per-paragraph work of the
/// paragraphs it reached. It is no analysis of the text (no findings, no figures), only a
/// [`Start`] for the next one.
#[derive(Debug)]
pub struct Interrupted {
    /// Boxed: a `Result` is as large as its larger side.
    done: Box<Done>,
}

#[derive(Debug)]
struct Done {
    document: Document,
    cache: crate::incremental::ParagraphCache,
}

impl Interrupted {
    fn new(document: Document, cache: crate::incremental::ParagraphCache) -> Interrupted {
        Interrupted { done: Box::new(Done { document, cache }) }
    }

    /// The paragraph work done so far, for [`Start`].
    pub fn cache(&self) -> &crate::incremental::ParagraphCache {
        &self.done.cache
    }
}

/// Where an incremental analysis starts: the paragraphs of an earlier analysis, finished or
/// interrupted, looked up by their text.
#[derive(Clone, Copy, Debug)]
pub struct Start<'a> {
    document: &'a Document,
    cache: &'a crate::incremental::ParagraphCache,
}

impl<'a> From<&'a Analysis> for Start<'a> {
    fn from(analysis: &'a Analysis) -> Start<'a> {
        Start { document: &analysis.document, cache: &analysis.cache }
    }
}

impl<'a> From<&'a Interrupted> for Start<'a> {
    fn from(interrupted: &'a Interrupted) -> Start<'a> {
        Start { document: &interrupted.done.document, cache: &interrupted.done.cache }
    }
}

/// The check of an analysis that cannot be cancelled.
fn never() -> bool {
    false
}

/// The result of an analysis run with [`never`] as its check.
fn finished(result: Result<Analysis, Interrupted>) -> Analysis {
    match result {
        Ok(analysis) => analysis,
        Err(_) => unreachable!("an analysis that is never cancelled finishes"),
    }
}

/// Asks for the entity index only when the text is Chinese: building the built-in one costs a
/// few hundred milliseconds of CPU (CC-CEDICT and the automaton), which a `zhnews check` over
/// English `.txt` files should not pay.
fn analyse_lazily<'i>(
    text: &str,
    config: &Config,
    entity_index: impl FnOnce() -> &'i crate::entities::EntityIndex,
) -> Analysis {
    finished(analyse_from(text, config, entity_index, None, &never))
}

/// The analysis of `text` from `previous`, checking `cancelled` before each paragraph it
/// analyses and between the document-level passes.
pub(crate) fn analyse_from<'i>(
    text: &str,
    config: &Config,
    entity_index: impl FnOnce() -> &'i crate::entities::EntityIndex,
    previous: Option<Start<'_>>,
    cancelled: &dyn Fn() -> bool,
) -> Result<Analysis, Interrupted> {
    let previous = previous.map(|start| (start.document, start.cache));
    let (document, mut work) = crate::incremental::Builder::document(text, previous);
    let is_chinese = is_chinese(&document, config);
    if !is_chinese {
        let cache = work.finish();
        return Ok(Analysis {
            document,
            is_chinese,
            figures: Figures::default(),
            findings: Vec::new(),
            entities: Vec::new(),
            with_model_names: std::sync::OnceLock::new(),
            region: None,
            outline: std::sync::OnceLock::from(Vec::new()),
            outline_config: config.outline.clone(),
            cache,
        });
    }
    let entities_with = config.entities.enabled.then(|| (entity_index(), crate::entities::options(config)));
    if work.complete(&document, entities_with, cancelled).is_break() || cancelled() {
        return Err(Interrupted::new(document, work.finish()));
    }
    let figures = Figures::assemble(&document, config, work.figures());
    let region = entities_with.and_then(|_| crate::entities::region(&document, config.entities.region));
    let entities = match entities_with {
        Some(_) => crate::entities::place(&document, work.entities(), region),
        None => Vec::new(),
    };
    let Some(findings) = rules::run_all_until(&document, &figures, config, &entities, cancelled) else {
        return Err(Interrupted::new(document, work.finish()));
    };
    Ok(Analysis {
        document,
        is_chinese,
        figures,
        findings,
        entities,
        with_model_names: std::sync::OnceLock::new(),
        region,
        outline: std::sync::OnceLock::new(),
        outline_config: config.outline.clone(),
        cache: work.finish(),
    })
}

impl Analysis {
    /// Titles, stories and sections, top level first (see [`crate::outline`]); worked out on
    /// the first call.
    pub fn outline(&self) -> &[crate::outline::OutlineNode] {
        self.outline.get_or_init(|| crate::outline::outline(&self.document, &self.outline_config))
    }

    /// The named entities in text order: with the LAC model's names once
    /// [`Analysis::add_model_names`] has run, before that from the dictionaries and jieba alone.
    pub fn entities(&self) -> &[crate::entities::Mention] {
        self.with_model_names.get().unwrap_or(&self.entities)
    }

    /// Adds the people, places and organisations the LAC model finds to
    /// [`Analysis::entities`], after the analysis (no rule needs them, and the model costs more than everything else together). `config` and
    /// `index` are the ones the analysis was made with. The model runs only on paragraphs it
    /// has not read in this analysis or in one whose paragraphs this one reused, in batches;
    /// `cancelled` is checked before each batch, and a cancelled pass returns false, leaving
    /// the entities as they were (the paragraphs it read stay done for the next version).
    pub fn add_model_names(
        &self,
        config: &Config,
        index: &crate::entities::EntityIndex,
        model: &crate::entities::lac::Lac,
        cancelled: &dyn Fn() -> bool,
    ) -> bool {
        if !self.is_chinese
            || !config.entities.enabled
            || !config.entities.guesses
            || self.with_model_names.get().is_some()
        {
            return true;
        }
        let paragraphs = self.document.paragraphs();
        let pending: Vec<usize> =
            self.cache.model_names().enumerate().filter(|(_, names)| names.is_none()).map(|(at, _)| at).collect();
        let mut rest = pending.as_slice();
        while !rest.is_empty() {
            if cancelled() {
                return false;
            }
            let mut characters = 0;
            let take = rest
                .iter()
                .take_while(|&&at| {
                    characters += paragraphs[at].joined.text.chars().count();
                    characters <= PEOPLE_BATCH_CHARACTERS
                })
                .count()
                .max(1);
            let (batch, tail) = rest.split_at(take);
            rest = tail;
            let joined: Vec<&str> = batch.iter().map(|&at| paragraphs[at].joined.text.as_str()).collect();
            for (&at, names) in batch.iter().zip(crate::entities::model_names(model, &joined)) {
                self.cache.set_model_names(at, names);
            }
        }
        let tagger = crate::entities::options(config).tagger;
        let found: Vec<std::borrow::Cow<'_, [crate::entities::Found]>> = paragraphs
            .iter()
            .zip(self.cache.entities().zip(self.cache.model_names()))
            .map(|(paragraph, (found, names))| match names {
                Some(names) if !names.is_empty() => std::borrow::Cow::Owned(crate::entities::find_with_model(
                    &paragraph.joined.text,
                    index,
                    tagger,
                    Some(names),
                )),
                _ => std::borrow::Cow::Borrowed(found),
            })
            .collect();
        let _ =
            self.with_model_names.set(crate::entities::place(&self.document, found.iter().map(|f| &**f), self.region));
        true
    }
}

/// About how many characters [`Analysis::add_model_names`] gives the model at once: a batch of
/// paragraphs is a few milliseconds of work, so a cancelled pass stops soon.
const PEOPLE_BATCH_CHARACTERS: usize = 2048;

/// Builds the tables every analysis of Chinese text needs (script tables, the built-in entity
/// index) so that the first [`analyse`] does not wait for them. The language server calls this
/// on a background thread while the editor is still sending `initialize` and `didOpen`.
pub fn warm_up() {
    crate::script::classify('國');
    crate::entities::EntityIndex::builtin();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_text_is_not_analysed() {
        let config = Config::default();
        assert!(!analyse("The president met 習近平 in Lima on Thursday.", &config).is_chinese);
        assert!(analyse("國家主席習近平抵達利馬。APEC", &config).is_chinese);
        assert!(!analyse("", &config).is_chinese);
    }

    #[test]
    fn the_entity_index_is_asked_for_only_for_chinese_text() {
        let config = Config::default();
        let index = crate::entities::EntityIndex::build(&[]);
        let asked = std::cell::Cell::new(0);
        let lookup = || {
            asked.set(asked.get() + 1);
            &index
        };
        analyse_lazily("The president met 習近平 in Lima on Thursday.", &config, lookup);
        assert_eq!(asked.get(), 0);
        analyse_lazily("", &config, lookup);
        assert_eq!(asked.get(), 0);
        analyse_lazily("國家主席習近平抵達利馬出席峰會。", &config, lookup);
        assert_eq!(asked.get(), 1);
    }

    #[test]
    fn warm_up_leaves_analysis_unchanged() {
        let config = Config::default();
        let text = "國家主席習近平11月13日抵達利馬，出席亞太經合組織領導人非正式會議。";
        let cold = analyse(text, &config);
        warm_up();
        let warm = analyse(text, &config);
        assert_eq!(format!("{:?}", cold.findings), format!("{:?}", warm.findings));
        assert_eq!(cold.entities().len(), warm.entities().len());
        assert!(!warm.entities().is_empty());
    }

    /// The people in `analysis.entities()` the LAC model proposed.
    fn model_people(analysis: &Analysis) -> Vec<&str> {
        let text = analysis.document.text();
        analysis
            .entities()
            .iter()
            .filter(|m| m.entity.source == crate::entities::Source::Model)
            .map(|m| &text[m.range.as_range()])
            .collect()
    }

    const PAGE: &str = "臺北市議員林志明今天出席活動。\n\n國家主席習近平抵達利馬。\n\n行政院長陳建宏表示支持。\n";

    #[test]
    fn the_model_adds_people_after_the_analysis_and_the_rules_never_see_them() {
        let config = Config::default();
        let index = crate::entities::EntityIndex::builtin();
        let model = crate::entities::lac::load();
        let analysis = analyse_with(PAGE, &config, index);
        assert!(model_people(&analysis).is_empty());
        let findings = format!("{:?}", analysis.findings);
        assert!(analysis.add_model_names(&config, index, model, &|| false));
        assert_eq!(model_people(&analysis), ["林志明", "陳建宏"]);
        assert_eq!(format!("{:?}", analysis.findings), findings);
        // Dictionary names stay as they were.
        assert!(analysis.entities().iter().any(|m| &PAGE[m.range.as_range()] == "習近平" && !m.is_guess()));

        let off = Config {
            entities: crate::entities::config::EntitiesConfig { guesses: false, ..config.entities.clone() },
            ..config.clone()
        };
        let analysis = analyse_with(PAGE, &off, index);
        assert!(analysis.add_model_names(&off, index, model, &|| false));
        assert!(model_people(&analysis).is_empty(), "guesses = false turns the model off too");
    }

    #[test]
    fn a_cancelled_model_pass_changes_nothing_and_an_edit_reruns_only_its_paragraph() {
        let config = Config::default();
        let index = crate::entities::EntityIndex::builtin();
        let model = crate::entities::lac::load();
        let analysis = analyse_with(PAGE, &config, index);
        assert!(!analysis.add_model_names(&config, index, model, &|| true));
        assert!(model_people(&analysis).is_empty());
        assert_eq!(analysis.cache.model_names().filter(Option::is_some).count(), 0);
        assert!(analysis.add_model_names(&config, index, model, &|| false));
        assert_eq!(analysis.cache.model_names().filter(Option::is_some).count(), 3);

        let edited = PAGE.replace("表示支持", "表示反對");
        let next = analyse_incremental(&edited, &config, index, &analysis);
        // The two paragraphs the edit left alone keep the model's people; the new version's
        // entities have none until its own pass, which reads the edited paragraph only.
        assert_eq!(next.cache.model_names().map(|p| p.is_some()).collect::<Vec<_>>(), [true, true, false]);
        assert!(model_people(&next).is_empty());
        let calls = std::cell::Cell::new(0);
        assert!(next.add_model_names(&config, index, model, &|| {
            calls.set(calls.get() + 1);
            false
        }));
        assert_eq!(calls.get(), 1, "one batch: the edited paragraph");
        assert_eq!(model_people(&next), ["林志明", "陳建宏"]);
    }
}
