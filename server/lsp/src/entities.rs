//! Entity features over LSP: semantic tokens, document highlights, references and workspace
//! symbols across open documents and the workspace's `.txt` files ([`crate::workspace_index`];
//! matched by entity id, so 習近平 finds 习近平), and the "Add to workspace gazetteer" code
//! action for jieba guesses.
//!
//! Semantic token legend (token types, in this order): `person`, `place`, `organisation`,
//! `event`; one modifier, `guess`, for names jieba proposed that no gazetteer knows. CC-CEDICT
//! proper nouns of no known kind get no token.

use std::path::Path;

use ropey::Rope;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionDisabled, CodeActionKind, CodeActionOrCommand, DocumentChanges, DocumentHighlight,
    DocumentHighlightKind, Location, OneOf, OptionalVersionedTextDocumentIdentifier, Position, Range, SemanticToken,
    SemanticTokenModifier, SemanticTokenType, SemanticTokensLegend, SymbolInformation, SymbolKind, TextDocumentEdit,
    TextEdit, Uri, WorkspaceEdit,
};
use zhnews_core::Analysis;
use zhnews_core::entities::{Entity, EntityKind, Mention};

use crate::encoding::{PositionEncoding, byte_range_to_range, byte_to_position};
use crate::workspace_index::IndexedMention;

pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: vec![
            SemanticTokenType::new("person"),
            SemanticTokenType::new("place"),
            SemanticTokenType::new("organisation"),
            SemanticTokenType::new("event"),
        ],
        token_modifiers: vec![SemanticTokenModifier::new("guess")],
    }
}

fn token_type(kind: EntityKind) -> Option<u32> {
    match kind {
        EntityKind::Person => Some(0),
        EntityKind::Place => Some(1),
        EntityKind::Organisation => Some(2),
        EntityKind::Event => Some(3),
        EntityKind::Other => None,
    }
}

/// Semantic tokens for every entity, one token per line a name spans (a name broken across a
/// hard line break gives two tokens), delta-encoded as the protocol wants.
pub fn semantic_tokens(rope: &Rope, analysis: &Analysis, encoding: PositionEncoding) -> Vec<SemanticToken> {
    let text = analysis.document.text();
    let mut absolute: Vec<(Position, u32, u32, u32)> = Vec::new();
    for mention in analysis.entities() {
        let Some(kind) = token_type(mention.entity.kind) else {
            continue;
        };
        let modifiers = u32::from(mention.is_guess());
        let mut start = mention.range.start;
        // Split at line terminators; skip the terminators and surrounding spaces.
        for piece in text[mention.range.as_range()].split_inclusive(['\n', '\r']) {
            let content = piece.trim_end_matches(['\n', '\r']);
            let leading = content.len() - content.trim_start().len();
            let trimmed = content.trim();
            if !trimmed.is_empty() {
                let from = start + leading;
                let range = byte_range_to_range(rope, from, from + trimmed.len(), encoding);
                if range.start.line == range.end.line && range.end.character > range.start.character {
                    absolute.push((range.start, range.end.character - range.start.character, kind, modifiers));
                }
            }
            start += piece.len();
        }
    }
    absolute.sort_by_key(|(position, ..)| (position.line, position.character));
    let mut tokens = Vec::with_capacity(absolute.len());
    let mut previous = Position::new(0, 0);
    for (position, length, token_type, token_modifiers_bitset) in absolute {
        let delta_line = position.line - previous.line;
        let delta_start = if delta_line == 0 { position.character - previous.character } else { position.character };
        tokens.push(SemanticToken { delta_line, delta_start, length, token_type, token_modifiers_bitset });
        previous = position;
    }
    tokens
}

/// The mention under a byte offset.
pub fn mention_at(analysis: &Analysis, offset: usize) -> Option<&Mention> {
    zhnews_core::entities::mention_at(analysis.entities(), analysis.document.text(), offset)
}

/// Every mention of entity `id` in one document, as ranges.
pub fn ranges_of(rope: &Rope, analysis: &Analysis, id: &str, encoding: PositionEncoding) -> Vec<Range> {
    analysis
        .entities()
        .iter()
        .filter(|m| m.entity.id == id)
        .map(|m| byte_range_to_range(rope, m.range.start, m.range.end, encoding))
        .collect()
}

pub fn highlights(rope: &Rope, analysis: &Analysis, id: &str, encoding: PositionEncoding) -> Vec<DocumentHighlight> {
    ranges_of(rope, analysis, id, encoding)
        .into_iter()
        .map(|range| DocumentHighlight { range, kind: Some(DocumentHighlightKind::TEXT) })
        .collect()
}

pub fn locations(uri: &Uri, rope: &Rope, analysis: &Analysis, id: &str, encoding: PositionEncoding) -> Vec<Location> {
    ranges_of(rope, analysis, id, encoding).into_iter().map(|range| Location { uri: uri.clone(), range }).collect()
}

fn symbol_kind(kind: EntityKind) -> SymbolKind {
    match kind {
        EntityKind::Person => SymbolKind::OBJECT,
        EntityKind::Place => SymbolKind::NAMESPACE,
        EntityKind::Organisation => SymbolKind::STRUCT,
        EntityKind::Event => SymbolKind::EVENT,
        EntityKind::Other => SymbolKind::CONSTANT,
    }
}

/// A workspace-symbol query in lookup form (習 finds 习), lower case (so `peru` finds Peru).
pub fn symbol_query(query: &str) -> String {
    zhnews_core::entities::normalise(query).to_lowercase()
}

/// True when a mention (its lookup key and entity) answers a symbol query from
/// [`symbol_query`]: an empty query matches everything; otherwise the key, the English name or
/// the Simplified name contains it.
fn symbol_matches(query_key: &str, key: &str, entity: &Entity) -> bool {
    query_key.is_empty()
        || key.to_lowercase().contains(query_key)
        || entity.english.to_lowercase().contains(query_key)
        || zhnews_core::entities::normalise(&entity.simplified).contains(query_key)
}

fn symbol(surface: &str, entity: &Entity, location: Location) -> SymbolInformation {
    let name = if entity.english.is_empty() { surface.to_owned() } else { format!("{surface} ({})", entity.english) };
    #[allow(deprecated)]
    SymbolInformation {
        name,
        kind: symbol_kind(entity.kind),
        tags: None,
        deprecated: None,
        location,
        container_name: Some(entity.kind.label().to_owned()),
    }
}

/// The first mention of each entity in a document whose names match `query_key` (from
/// [`symbol_query`]).
pub fn symbols(
    uri: &Uri,
    rope: &Rope,
    analysis: &Analysis,
    query_key: &str,
    encoding: PositionEncoding,
) -> Vec<SymbolInformation> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for mention in analysis.entities() {
        let entity = &mention.entity;
        if !symbol_matches(query_key, &mention.key, entity) || !seen.insert(entity.id.as_str()) {
            continue;
        }
        let surface: String =
            analysis.document.text()[mention.range.as_range()].chars().filter(|c| !c.is_whitespace()).collect();
        let range = byte_range_to_range(rope, mention.range.start, mention.range.end, encoding);
        out.push(symbol(&surface, entity, Location { uri: uri.clone(), range }));
    }
    out
}

/// [`symbols`] for a file of the workspace index (not open in the editor).
pub fn indexed_symbols(uri: &Uri, mentions: &[IndexedMention], query_key: &str) -> Vec<SymbolInformation> {
    let mut seen = std::collections::HashSet::new();
    mentions
        .iter()
        .filter(|m| symbol_matches(query_key, &m.key, &m.entity) && seen.insert(m.entity.id.as_str()))
        .map(|m| symbol(&m.surface, &m.entity, Location { uri: uri.clone(), range: m.range }))
        .collect()
}

/// [`locations`] for a file of the workspace index.
pub fn indexed_locations(uri: &Uri, mentions: &[IndexedMention], id: &str) -> Vec<Location> {
    mentions.iter().filter(|m| m.entity.id == id).map(|m| Location { uri: uri.clone(), range: m.range }).collect()
}

/// "Add to workspace gazetteer" for each guess in `range`: appends an entry to the gazetteer
/// that `[entities] gazetteer` names. Without one, the action is shown disabled with the
/// reason.
pub fn add_to_gazetteer_actions(
    analysis: &Analysis,
    range: zhnews_core::TextRange,
    gazetteer: Option<&Path>,
) -> Vec<CodeActionOrCommand> {
    let mut actions = Vec::new();
    for mention in analysis.entities().iter().filter(|m| m.is_guess()) {
        if mention.range.start > range.end || range.start > mention.range.end {
            continue;
        }
        let title = format!("Add {} to the workspace gazetteer", mention.entity.traditional);
        let mut action = CodeAction { title, kind: Some(CodeActionKind::QUICKFIX), ..CodeAction::default() };
        match gazetteer.and_then(|path| Some((path, Uri::from_file_path(path)?))) {
            Some((path, uri)) => {
                let existing = zhnews_workspace::read_text_file(path).unwrap_or_default();
                let end = Rope::from_str(&existing);
                let at = byte_to_position(&end, existing.len(), PositionEncoding::Utf16);
                let mut entity = (*mention.entity).clone();
                entity.id = format!("workspace:{}", entity.simplified);
                entity.description = "added from a jieba guess; check and complete".to_owned();
                let edit = TextEdit {
                    range: Range::new(at, at),
                    new_text: zhnews_core::entities::gazetteer::entry_toml(&entity),
                };
                action.edit = Some(WorkspaceEdit {
                    document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                        text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
                        edits: vec![OneOf::Left(edit)],
                    }])),
                    ..WorkspaceEdit::default()
                });
            }
            None => {
                action.disabled = Some(CodeActionDisabled {
                    reason: "name a workspace gazetteer in zhnews.toml: [entities] gazetteer = \"gazetteer.toml\" (the file must exist)".to_owned(),
                });
            }
        }
        actions.push(CodeActionOrCommand::CodeAction(action));
    }
    actions
}
