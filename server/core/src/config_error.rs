//! A configuration (or gazetteer) that could not be read, and the one TOML table parser that
//! says where: plain data at the bottom floor, shared by [`crate::config`] and the gazetteer.

/// A configuration that could not be read, with the 1-based line and column when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "{line}:{column}: {}", self.message),
            (Some(line), None) => write!(f, "{line}: {}", self.message),
            _ => write!(f, " {}", self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// Parses TOML text into a table, with the line and column of a syntax error.
pub fn parse_table(text: &str) -> Result<toml::Table, ConfigError> {
    text.parse::<toml::Table>().map_err(|err| error_at(text, &err))
}

pub(crate) fn error_at(text: &str, err: &toml::de::Error) -> ConfigError {
    let (line, column) = match err.span() {
        Some(span) => {
            let before = text.get(..span.start.min(text.len())).unwrap_or("");
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            (Some(line), Some(column))
        }
        None => (None, None),
    };
    ConfigError { message: err.message().to_owned(), line, column }
}
