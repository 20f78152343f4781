//! No circle between the files of a crate: each crate reads bottom-up (ARCHITECTURE.md, "Floors").
//!
//! For every crate of the workspace, this test reads the files of its module tree (from
//! `src/lib.rs`, `src/main.rs` and `src/bin/*.rs`), finds the paths each file uses, draws an
//! edge from the file to the file that defines what the path names, and fails on any strongly
//! connected set of more than one file, naming the files and one circle through them with the
//! line of each import.
//!
//! The rule for edges:
//! - A path is one starting with `crate::`, `super::` or `self::`, or with the name of a child
//!   module the file declares, in a `use` declaration or anywhere in the code. It resolves to
//!   the deepest module file it names; a name that module re-exports (`pub use child::Name`) is
//!   followed to the file the re-export points at, so `crate::figures::Sequence` is an edge to
//!   `figures/ordinals.rs`, not to `figures/mod.rs`.
//! - Declaring a child (`mod x;`) is not an edge, and neither is a re-export (`pub use x::Y`,
//!   any visibility): the parent only forwards the name. A parent that *uses* a child's items
//!   in its own code (`x::f()`, a private `use x::Y`) has an edge to it like any other file, so
//!   a child that imports back from its parent (`use super::Z`) makes a circle: shared types go
//!   in a file of their own below both.
//! - Code under `#[cfg(test)]` (test modules, test-only helpers, `tests.rs` files declared
//!   there) is not read: tests sit above the whole crate and may use anything.
//! - Comments and string literals are not read; paths into other crates (`zhnews_core::…`, a
//!   re-export of one such as `pub use zhnews_lsp_text::encoding`) are not edges.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The crates' source folders, from the workspace root.
const CRATES: &[&str] = &[
    "server/core/src",
    "server/workspace/src",
    "server/lsp-text/src",
    "server/lsp/src",
    "server/cli/src",
    "tests/src",
    "tests/accuracy/src",
    "bench/inputs/src",
];

#[test]
fn no_cycle_between_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf();
    let mut problems = Vec::new();
    let mut files = 0;
    for src in CRATES {
        for crate_root in crate_roots(&root.join(src)) {
            let graph = file_graph(&crate_root);
            files += graph.files.len();
            for cycle in cycles(&graph.edges) {
                problems.push(describe(&graph, &cycle, &root));
            }
        }
    }
    assert!(files > 50, "read only {files} files: is the crate list right?");
    assert!(problems.is_empty(), "circles between files:\n\n{}", problems.join("\n\n"));
}

/// The root files of a crate's module trees.
fn crate_roots(src: &Path) -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> =
        ["lib.rs", "main.rs"].iter().map(|name| src.join(name)).filter(|path| path.is_file()).collect();
    if let Ok(entries) = std::fs::read_dir(src.join("bin")) {
        let mut bins: Vec<PathBuf> = entries
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
            .collect();
        bins.sort();
        roots.extend(bins);
    }
    assert!(!roots.is_empty(), "no crate root in {}", src.display());
    roots
}

// ---------------------------------------------------------------------------------------------
// Reading a file: comments, literals and test code blanked out, then tokens.

/// The code of a Rust file with comments, string and character literals and `#[cfg(test)]`
/// items replaced by spaces (line breaks kept, so lines still count).
fn code_of(source: &str) -> String {
    let without_literals = blank_comments_and_literals(source);
    blank_test_items(&without_literals)
}

fn blank_comments_and_literals(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let blank = |out: &mut String, c: char| out.push(if c == '\n' { '\n' } else { ' ' });
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                blank(&mut out, chars[i]);
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, chars[i]);
                    i += 1;
                }
            }
        } else if let Some(hashes) = raw_string_start(&chars, i) {
            // r"…", r#"…"#, br"…": no escapes; ends at a quote followed by as many hashes.
            while chars[i] != '"' {
                blank(&mut out, chars[i]);
                i += 1;
            }
            blank(&mut out, '"');
            i += 1;
            while i < chars.len() {
                if chars[i] == '"' && (0..hashes).all(|k| chars.get(i + 1 + k) == Some(&'#')) {
                    for _ in 0..=hashes {
                        out.push(' ');
                    }
                    i += 1 + hashes;
                    break;
                }
                blank(&mut out, chars[i]);
                i += 1;
            }
        } else if c == '"' {
            blank(&mut out, c);
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    blank(&mut out, chars[i]);
                    i += 1;
                }
                if i < chars.len() {
                    blank(&mut out, chars[i]);
                    i += 1;
                }
            }
            if i < chars.len() {
                blank(&mut out, '"');
                i += 1;
            }
        } else if c == '\'' && (next == Some('\\') || chars.get(i + 2) == Some(&'\'')) {
            // A character literal ('x', '\n', '\u{3000}'), not a lifetime ('a).
            blank(&mut out, c);
            i += 1;
            if chars.get(i) == Some(&'\\') {
                out.push(' ');
                i += 1;
            }
            while i < chars.len() && chars[i] != '\'' {
                blank(&mut out, chars[i]);
                i += 1;
            }
            if i < chars.len() {
                out.push(' ');
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// The number of hashes of a raw string literal starting at `i`, if one does.
fn raw_string_start(chars: &[char], i: usize) -> Option<usize> {
    let before_is_ident = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
    if before_is_ident {
        return None;
    }
    let mut j = i;
    if chars.get(j) == Some(&'b') || chars.get(j) == Some(&'c') {
        j += 1;
    }
    if chars.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    let mut hashes = 0;
    while chars.get(j) == Some(&'#') {
        hashes += 1;
        j += 1;
    }
    (chars.get(j) == Some(&'"')).then_some(hashes)
}

/// Blanks every item after a `#[cfg(test)]` attribute: up to its `;`, or to the end of its
/// first block.
fn blank_test_items(code: &str) -> String {
    let mut chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '#'
            && let Some(end) = cfg_test_attribute_end(&chars, i)
        {
            let mut j = end;
            let mut depth = 0usize;
            let mut opened_block = false;
            while j < chars.len() {
                match chars[j] {
                    '(' | '[' => depth += 1,
                    '{' => {
                        depth += 1;
                        opened_block = true;
                    }
                    ')' | ']' => depth = depth.saturating_sub(1),
                    '}' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 && opened_block {
                            j += 1;
                            break;
                        }
                    }
                    ';' if depth == 0 => {
                        j += 1;
                        break;
                    }
                    _ => {}
                }
                j += 1;
            }
            let end = j.min(chars.len());
            for c in &mut chars[i..end] {
                if *c != '\n' {
                    *c = ' ';
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    chars.into_iter().collect()
}

/// Where a test-only attribute starting at `i` ends, if one does: `#[cfg(test)]`, or
/// `#[cfg(all(test, …))]` without a `not(…)`.
fn cfg_test_attribute_end(chars: &[char], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while chars.get(j).is_some_and(|c| c.is_whitespace()) {
        j += 1;
    }
    if chars.get(j) != Some(&'[') {
        return None;
    }
    let mut depth = 0;
    let mut text = String::new();
    while j < chars.len() {
        let c = chars[j];
        j += 1;
        if !c.is_whitespace() {
            text.push(c);
        }
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            _ => {}
        }
    }
    let test_only = text == "[cfg(test)]" || (text.starts_with("[cfg(all(test,") && !text.contains("not("));
    test_only.then_some(j)
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Ident(String),
    PathSep,
    Punct(char),
}

/// Identifiers, `::` and single punctuation characters, each with its line (1-based).
fn tokens(code: &str) -> Vec<(Token, usize)> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let mut ident: String = chars[start..i].iter().collect();
            if ident == "r" && chars.get(i) == Some(&'#') {
                // A raw identifier: r#type.
                i += 1;
                let rest = i;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                ident = chars[rest..i].iter().collect();
            }
            out.push((Token::Ident(ident), line));
        } else if c.is_ascii_digit() {
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            out.push((Token::PathSep, line));
            i += 2;
        } else {
            out.push((Token::Punct(c), line));
            i += 1;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// What a file declares and uses.

/// A path as written, from its first segment.
#[derive(Clone, Debug)]
struct Reference {
    path: Vec<String>,
    line: usize,
    /// A `pub use`: the file forwards the name, it does not use it.
    reexport: bool,
}

#[derive(Debug, Default)]
struct FileFacts {
    children: Vec<String>,
    /// Re-exported names: `pub use a::b::C as D` gives `D` → `a::b::C` (also from other crates).
    reexports: BTreeMap<String, Vec<String>>,
    references: Vec<Reference>,
}

fn facts(code: &str) -> FileFacts {
    let tokens = tokens(code);
    let ident = |k: usize| match tokens.get(k) {
        Some((Token::Ident(name), _)) => Some(name.as_str()),
        _ => None,
    };
    let mut facts = FileFacts::default();
    // Child modules first: a path may start with one anywhere in the file.
    for k in 0..tokens.len() {
        if ident(k) == Some("mod")
            && let Some(name) = ident(k + 1)
            && tokens.get(k + 2).map(|t| &t.0) == Some(&Token::Punct(';'))
        {
            facts.children.push(name.to_owned());
        }
    }
    let starts_path = |name: &str, children: &[String]| {
        matches!(name, "crate" | "super" | "self") || children.iter().any(|child| child == name)
    };
    let mut k = 0;
    while k < tokens.len() {
        if ident(k) == Some("use") {
            let reexport = is_pub_before(&tokens, k);
            let line = tokens[k].1;
            let mut end = k + 1;
            while end < tokens.len() && tokens[end].0 != Token::Punct(';') {
                end += 1;
            }
            let mut paths = Vec::new();
            use_tree(&tokens[k + 1..end], &mut Vec::new(), &mut paths);
            for (path, name) in paths {
                let local = path.first().is_some_and(|first| starts_path(first, &facts.children));
                if reexport {
                    facts.reexports.insert(name, path.clone());
                }
                if local {
                    facts.references.push(Reference { path, line, reexport });
                }
            }
            k = end + 1;
            continue;
        }
        if let Some(name) = ident(k)
            && starts_path(name, &facts.children)
            && tokens.get(k + 1).map(|t| &t.0) == Some(&Token::PathSep)
            && !matches!(k.checked_sub(1).map(|p| &tokens[p].0), Some(Token::PathSep | Token::Punct('$' | '.')))
        {
            let line = tokens[k].1;
            let mut path = vec![name.to_owned()];
            let mut j = k + 1;
            while tokens.get(j).map(|t| &t.0) == Some(&Token::PathSep)
                && let Some(next) = ident(j + 1)
            {
                path.push(next.to_owned());
                j += 2;
            }
            facts.references.push(Reference { path, line, reexport: false });
            k = j;
            continue;
        }
        k += 1;
    }
    facts
}

/// Whether the `use` at `k` is preceded by a visibility (`pub`, `pub(crate)`, `pub(super)`…).
fn is_pub_before(tokens: &[(Token, usize)], k: usize) -> bool {
    let Some(mut p) = k.checked_sub(1) else { return false };
    if tokens[p].0 == Token::Punct(')') {
        while p > 0 && tokens[p].0 != Token::Punct('(') {
            p -= 1;
        }
        let Some(before) = p.checked_sub(1) else { return false };
        p = before;
    }
    tokens[p].0 == Token::Ident("pub".to_owned())
}

/// Expands a use tree (`a::{b, c::{self, D as E}}`) into full paths and the names they bind.
fn use_tree(tokens: &[(Token, usize)], prefix: &mut Vec<String>, out: &mut Vec<(Vec<String>, String)>) {
    let mut k = 0;
    let depth = prefix.len();
    while k < tokens.len() {
        match &tokens[k].0 {
            Token::Ident(name) if name == "as" => {
                if let Some((Token::Ident(alias), _)) = tokens.get(k + 1)
                    && let Some(last) = out.last_mut()
                {
                    last.1 = alias.clone();
                }
                k += 2;
                continue;
            }
            Token::Ident(name) => {
                prefix.push(name.clone());
                if tokens.get(k + 1).map(|t| &t.0) != Some(&Token::PathSep) {
                    let path = if name == "self" { prefix[..prefix.len() - 1].to_vec() } else { prefix.clone() };
                    let bound = if name == "self" { path.last().cloned().unwrap_or_default() } else { name.clone() };
                    out.push((path, bound));
                    prefix.truncate(depth);
                }
            }
            Token::Punct('{') => {
                let mut level = 1;
                let mut end = k + 1;
                while end < tokens.len() {
                    match tokens[end].0 {
                        Token::Punct('{') => level += 1,
                        Token::Punct('}') => {
                            level -= 1;
                            if level == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    end += 1;
                }
                let mut inner = prefix.clone();
                for item in split_top_level(&tokens[k + 1..end.min(tokens.len())]) {
                    use_tree(item, &mut inner, out);
                    inner.truncate(prefix.len());
                }
                prefix.truncate(depth);
                k = end + 1;
                continue;
            }
            Token::Punct('*') => {
                out.push((prefix.clone(), "*".to_owned()));
                prefix.truncate(depth);
            }
            Token::Punct(',') => prefix.truncate(depth),
            _ => {}
        }
        k += 1;
    }
}

/// The comma-separated items of a brace group.
fn split_top_level(tokens: &[(Token, usize)]) -> Vec<&[(Token, usize)]> {
    let mut items = Vec::new();
    let mut level = 0;
    let mut start = 0;
    for (k, (token, _)) in tokens.iter().enumerate() {
        match token {
            Token::Punct('{') => level += 1,
            Token::Punct('}') => level -= 1,
            Token::Punct(',') if level == 0 => {
                items.push(&tokens[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    items.push(&tokens[start..]);
    items
}

// ---------------------------------------------------------------------------------------------
// The graph of a crate's files.

type ModulePath = Vec<String>;

struct Graph {
    /// Each module's file (relative to the crate's `src`), by module path.
    files: BTreeMap<ModulePath, PathBuf>,
    /// File → file it uses → the first line using it.
    edges: BTreeMap<PathBuf, BTreeMap<PathBuf, usize>>,
    src: PathBuf,
}

fn file_graph(crate_root: &Path) -> Graph {
    let src = crate_root.parent().unwrap().to_path_buf();
    let read = |path: &Path| std::fs::read_to_string(src.join(path)).unwrap();
    // The module tree, from the root down through `mod x;` declarations outside test code.
    let mut files = BTreeMap::new();
    let mut facts = BTreeMap::new();
    let mut pending = vec![(Vec::<String>::new(), PathBuf::from(crate_root.file_name().unwrap()))];
    while let Some((module, file)) = pending.pop() {
        let file_facts = self::facts(&code_of(&read(&file)));
        let is_front = module.is_empty() || file.file_name().is_some_and(|name| name == "mod.rs");
        let folder = if is_front { file.parent().unwrap().to_path_buf() } else { file.with_extension("") };
        for child in &file_facts.children {
            let flat = folder.join(format!("{child}.rs"));
            let nested = folder.join(child).join("mod.rs");
            let child_file = if src.join(&flat).is_file() { flat } else { nested };
            assert!(src.join(&child_file).is_file(), "{}: no file for `mod {child}`", src.join(&file).display());
            let mut child_module = module.clone();
            child_module.push(child.clone());
            pending.push((child_module, child_file));
        }
        files.insert(module.clone(), file);
        facts.insert(module, file_facts);
    }
    graph_of(files, &facts, src)
}

/// The edges between files, from what each module declares and uses.
fn graph_of(files: BTreeMap<ModulePath, PathBuf>, facts: &BTreeMap<ModulePath, FileFacts>, src: PathBuf) -> Graph {
    let mut edges: BTreeMap<PathBuf, BTreeMap<PathBuf, usize>> = BTreeMap::new();
    for (module, file_facts) in facts {
        let from = &files[module];
        edges.entry(from.clone()).or_default();
        for reference in &file_facts.references {
            if reference.reexport {
                continue;
            }
            if let Some(target) = resolve(facts, module, &reference.path, 0)
                && let Some(to) = files.get(&target)
                && to != from
            {
                edges.get_mut(from).unwrap().entry(to.clone()).or_insert(reference.line);
            }
        }
    }
    Graph { files, edges, src }
}

/// The module whose file defines what `path` (written in `module`) names, or `None` for a path
/// into another crate.
fn resolve(
    facts: &BTreeMap<ModulePath, FileFacts>,
    module: &ModulePath,
    path: &[String],
    hops: usize,
) -> Option<ModulePath> {
    if hops > 16 {
        return None;
    }
    let mut current = module.clone();
    let mut rest = path;
    match rest.first().map(String::as_str) {
        Some("crate") => {
            current.clear();
            rest = &rest[1..];
        }
        Some("self") => rest = &rest[1..],
        Some("super") => {
            while rest.first().map(String::as_str) == Some("super") {
                current.pop();
                rest = &rest[1..];
            }
        }
        _ => {}
    }
    while let Some(first) = rest.first() {
        let here = facts.get(&current)?;
        if here.children.contains(first) {
            current.push(first.clone());
            rest = &rest[1..];
        } else if let Some(target) = here.reexports.get(first) {
            let local = target.first().is_some_and(|head| {
                matches!(head.as_str(), "crate" | "super" | "self") || here.children.contains(head)
            });
            if !local {
                // A re-export of another crate's item.
                return None;
            }
            let mut forwarded = target.clone();
            forwarded.extend_from_slice(&rest[1..]);
            return resolve(facts, &current, &forwarded, hops + 1);
        } else {
            break;
        }
    }
    Some(current)
}

// ---------------------------------------------------------------------------------------------
// Circles.

/// The strongly connected sets of more than one node (Tarjan's algorithm), each sorted.
fn cycles<N: Ord + Clone, W>(edges: &BTreeMap<N, BTreeMap<N, W>>) -> Vec<Vec<N>> {
    struct State<N> {
        index: BTreeMap<N, usize>,
        low: BTreeMap<N, usize>,
        stack: Vec<N>,
        on_stack: BTreeSet<N>,
        found: Vec<Vec<N>>,
    }
    fn visit<N: Ord + Clone, W>(node: &N, edges: &BTreeMap<N, BTreeMap<N, W>>, state: &mut State<N>) {
        let next = state.index.len();
        state.index.insert(node.clone(), next);
        state.low.insert(node.clone(), next);
        state.stack.push(node.clone());
        state.on_stack.insert(node.clone());
        for target in edges.get(node).into_iter().flat_map(BTreeMap::keys) {
            if !state.index.contains_key(target) {
                visit(target, edges, state);
                let low = state.low[node].min(state.low[target]);
                state.low.insert(node.clone(), low);
            } else if state.on_stack.contains(target) {
                let low = state.low[node].min(state.index[target]);
                state.low.insert(node.clone(), low);
            }
        }
        if state.low[node] == state.index[node] {
            let mut component = Vec::new();
            while let Some(member) = state.stack.pop() {
                state.on_stack.remove(&member);
                let done = &member == node;
                component.push(member);
                if done {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                state.found.push(component);
            }
        }
    }
    let mut state = State {
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for node in edges.keys() {
        if !state.index.contains_key(node) {
            visit(node, edges, &mut state);
        }
    }
    state.found.sort();
    state.found
}

/// One circle through the first member of a strongly connected set: the shortest way back.
fn one_circle<N: Ord + Clone, W>(edges: &BTreeMap<N, BTreeMap<N, W>>, members: &[N]) -> Vec<N> {
    let start = &members[0];
    let inside: BTreeSet<&N> = members.iter().collect();
    let mut came_from: BTreeMap<N, N> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start.clone()]);
    while let Some(node) = queue.pop_front() {
        for target in edges.get(&node).into_iter().flat_map(BTreeMap::keys) {
            if target == start {
                let mut circle = vec![node.clone()];
                while let Some(previous) = came_from.get(circle.last().unwrap()) {
                    circle.push(previous.clone());
                }
                circle.reverse();
                return circle;
            }
            if inside.contains(target) && !came_from.contains_key(target) && target != start {
                came_from.insert(target.clone(), node.clone());
                queue.push_back(target.clone());
            }
        }
    }
    members.to_vec()
}

fn describe(graph: &Graph, members: &[PathBuf], root: &Path) -> String {
    let show = |file: &PathBuf| graph.src.join(file).strip_prefix(root).unwrap_or(file).display().to_string();
    let names: Vec<String> = members.iter().map(show).collect();
    let circle = one_circle(&graph.edges, members);
    let mut steps = Vec::new();
    for (k, from) in circle.iter().enumerate() {
        let to = &circle[(k + 1) % circle.len()];
        let line = graph.edges[from][to];
        steps.push(format!("  {}:{line} uses {}", show(from), show(to)));
    }
    let mut inside = Vec::new();
    for from in members {
        for (to, line) in &graph.edges[from] {
            if members.contains(to) {
                inside.push(format!("  {}:{line} uses {}", show(from), show(to)));
            }
        }
    }
    format!(
        "{} files in one circle: {}\none circle:\n{}\nevery use between them:\n{}",
        names.len(),
        names.join(", "),
        steps.join("\n"),
        inside.join("\n")
    )
}

// ---------------------------------------------------------------------------------------------
// The check's own tests.

fn graph(pairs: &[(&'static str, &'static str)]) -> BTreeMap<&'static str, BTreeMap<&'static str, usize>> {
    let mut edges: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for &(from, to) in pairs {
        edges.entry(from).or_default().insert(to, 1);
        edges.entry(to).or_default();
    }
    edges
}

#[test]
fn finds_the_circles_of_a_small_graph() {
    let edges = graph(&[("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("e", "d"), ("f", "a")]);
    assert_eq!(cycles(&edges), vec![vec!["a", "b", "c"], vec!["d", "e"]]);
    assert_eq!(one_circle(&edges, &["a", "b", "c"]), vec!["a", "b", "c"]);
    assert!(cycles(&graph(&[("a", "b"), ("b", "c"), ("a", "c")])).is_empty());
}

/// Writes a crate of `files` into a temporary folder and returns its circles, as file names.
fn circles_of(files: &[(&str, &str)]) -> Vec<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let graph = file_graph(&dir.path().join("lib.rs"));
    cycles(&graph.edges)
        .into_iter()
        .map(|members| members.iter().map(|file| file.display().to_string()).collect())
        .collect()
}

#[test]
fn finds_a_circle_of_imports() {
    let lib = "mod a;\nmod b;\nmod c;\npub use a::A;\n";
    let a = "use crate::b::B;\npub struct A(B);\n";
    let b = "pub struct B;\nfn f() -> crate::c::C { todo!() }\n";
    let c = "use crate::A;\npub struct C(A);\n";
    assert_eq!(
        circles_of(&[("lib.rs", lib), ("a.rs", a), ("b.rs", b), ("c.rs", c)]),
        vec![vec!["a.rs", "b.rs", "c.rs"]]
    );
    // Without the path in b.rs's code there is no circle.
    let b = "pub struct B;\n";
    assert!(circles_of(&[("lib.rs", lib), ("a.rs", a), ("b.rs", b), ("c.rs", c)]).is_empty());
}

#[test]
fn reads_use_trees_and_ignores_comments_strings_and_tests() {
    let lib = "mod a;\nmod b;\n";
    let a = "use crate::{x::Y, b::{self, B as Renamed}};\n";
    let b = "// use crate::a;\nconst S: &str = \"crate::a::A\";\n#[cfg(test)]\nmod tests {\n    use crate::a::A;\n}\n\
             #[cfg(all(test, unix))]\nfn f() { crate::a::g() }\n";
    assert!(circles_of(&[("lib.rs", lib), ("a.rs", a), ("b.rs", b)]).is_empty());
    let b = "pub fn f() { let _ = crate::a::g(); }\n";
    assert_eq!(circles_of(&[("lib.rs", lib), ("a.rs", a), ("b.rs", b)]), vec![vec!["a.rs", "b.rs"]]);
}

#[test]
fn a_parent_declaring_and_reexporting_its_children_is_not_an_edge() {
    let lib = "pub mod figures;\npub mod rules;\n";
    let figures = "mod span;\nmod numbers;\npub use numbers::Quantity;\npub use span::Span;\n";
    let span = "pub struct Span;\n";
    let numbers = "use super::Span;\npub struct Quantity(Span);\n";
    let rules = "use crate::figures::Quantity;\n";
    let files = [
        ("lib.rs", lib),
        ("figures/mod.rs", figures),
        ("figures/span.rs", span),
        ("figures/numbers.rs", numbers),
        ("rules.rs", rules),
    ];
    assert!(circles_of(&files).is_empty());
    // A parent that uses a child whose file imports back from the parent is a circle.
    let figures = "mod numbers;\npub struct Span;\npub fn scan() { numbers::scan() }\n";
    let numbers = "use super::Span;\npub fn scan() {}\n";
    let files = [("lib.rs", "mod figures;\n"), ("figures/mod.rs", figures), ("figures/numbers.rs", numbers)];
    assert_eq!(circles_of(&files), vec![vec!["figures/mod.rs", "figures/numbers.rs"]]);
}

#[test]
fn a_reexport_is_followed_to_the_file_that_defines_the_name() {
    // rules.rs reaches numbers.rs through two re-exports; numbers.rs uses rules.rs.
    let lib = "mod figures;\nmod rules;\npub use figures::Quantity;\n";
    let figures = "mod numbers;\npub use numbers::{Quantity as Quantity};\n";
    let numbers = "pub struct Quantity;\nfn f() { crate::rules::check() }\n";
    let rules = "pub fn check() { let _ = crate::Quantity; }\n";
    let files = [("lib.rs", lib), ("figures/mod.rs", figures), ("figures/numbers.rs", numbers), ("rules.rs", rules)];
    assert_eq!(circles_of(&files), vec![vec!["figures/numbers.rs", "rules.rs"]]);
}
