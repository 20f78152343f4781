//! The conversions OpenCC has ([`OpenccConfig`]), the backends that perform them and the
//! [`Converter`] interface, as plain types below every other file of `convert/` (the backends,
//! the configuration section and `convert/mod.rs`, which builds the converters, all use them).

use crate::script::Script;

/// One of OpenCC's conversion configurations, named as OpenCC names its files (`t2s.json`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OpenccConfig {
    S2t,
    T2s,
    S2tw,
    Tw2s,
    S2twp,
    Tw2sp,
    S2hk,
    Hk2s,
    T2tw,
    Tw2t,
    T2hk,
    Hk2t,
    T2jp,
    Jp2t,
}

/// Which way a configuration converts, by the script it reads and the script it writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScriptSide {
    Simplified,
    Traditional,
    /// Japanese Shinjitai (`t2jp`, `jp2t`).
    Japanese,
}

impl OpenccConfig {
    pub const ALL: [OpenccConfig; 14] = [
        OpenccConfig::S2t,
        OpenccConfig::T2s,
        OpenccConfig::S2tw,
        OpenccConfig::Tw2s,
        OpenccConfig::S2twp,
        OpenccConfig::Tw2sp,
        OpenccConfig::S2hk,
        OpenccConfig::Hk2s,
        OpenccConfig::T2tw,
        OpenccConfig::Tw2t,
        OpenccConfig::T2hk,
        OpenccConfig::Hk2t,
        OpenccConfig::T2jp,
        OpenccConfig::Jp2t,
    ];

    /// OpenCC's name for the configuration: `t2s` (the file is `t2s.json`).
    pub fn name(self) -> &'static str {
        match self {
            OpenccConfig::S2t => "s2t",
            OpenccConfig::T2s => "t2s",
            OpenccConfig::S2tw => "s2tw",
            OpenccConfig::Tw2s => "tw2s",
            OpenccConfig::S2twp => "s2twp",
            OpenccConfig::Tw2sp => "tw2sp",
            OpenccConfig::S2hk => "s2hk",
            OpenccConfig::Hk2s => "hk2s",
            OpenccConfig::T2tw => "t2tw",
            OpenccConfig::Tw2t => "tw2t",
            OpenccConfig::T2hk => "t2hk",
            OpenccConfig::Hk2t => "hk2t",
            OpenccConfig::T2jp => "t2jp",
            OpenccConfig::Jp2t => "jp2t",
        }
    }

    /// Accepts `t2s`, `T2S` and `t2s.json`.
    pub fn from_name(name: &str) -> Option<OpenccConfig> {
        let name = name.trim();
        let name = name.strip_suffix(".json").unwrap_or(name);
        OpenccConfig::ALL.into_iter().find(|config| config.name().eq_ignore_ascii_case(name))
    }

    /// What the text becomes, for menus: "Convert selection to {title} (t2s)".
    pub fn title(self) -> &'static str {
        match self {
            OpenccConfig::S2t => "Traditional Chinese",
            OpenccConfig::T2s => "Simplified Chinese",
            OpenccConfig::S2tw | OpenccConfig::T2tw => "Traditional Chinese, Taiwan standard",
            OpenccConfig::Tw2s => "Simplified Chinese from Taiwan standard",
            OpenccConfig::S2twp => "Traditional Chinese, Taiwan standard with phrases",
            OpenccConfig::Tw2sp => "Simplified Chinese from Taiwan standard with phrases",
            OpenccConfig::S2hk | OpenccConfig::T2hk => "Traditional Chinese, Hong Kong standard",
            OpenccConfig::Hk2s => "Simplified Chinese from Hong Kong standard",
            OpenccConfig::Tw2t | OpenccConfig::Hk2t => "Traditional Chinese, OpenCC standard",
            OpenccConfig::T2jp => "Japanese Shinjitai",
            OpenccConfig::Jp2t => "Traditional Chinese from Japanese Shinjitai",
        }
    }

    /// The script the configuration reads.
    pub fn source(self) -> ScriptSide {
        match self {
            OpenccConfig::S2t | OpenccConfig::S2tw | OpenccConfig::S2twp | OpenccConfig::S2hk => ScriptSide::Simplified,
            OpenccConfig::Jp2t => ScriptSide::Japanese,
            _ => ScriptSide::Traditional,
        }
    }

    /// The script the configuration writes.
    pub fn target(self) -> ScriptSide {
        match self {
            OpenccConfig::T2s | OpenccConfig::Tw2s | OpenccConfig::Tw2sp | OpenccConfig::Hk2s => ScriptSide::Simplified,
            OpenccConfig::T2jp => ScriptSide::Japanese,
            _ => ScriptSide::Traditional,
        }
    }

    /// True for the configurations that also replace vocabulary (软件 → 軟體) and so may change
    /// the length of the text.
    pub fn converts_phrases(self) -> bool {
        matches!(self, OpenccConfig::S2twp | OpenccConfig::Tw2sp)
    }

    /// True when the configuration is worth offering for text written in `script`: a
    /// Simplified-to-Traditional conversion for Simplified text, the reverse for Traditional
    /// text, both for mixed text, neither for text without script-specific characters.
    pub fn applies_to(self, script: Script) -> bool {
        match script {
            Script::Traditional => self.source() == ScriptSide::Traditional,
            Script::Simplified => self.source() == ScriptSide::Simplified,
            Script::Mixed => self.source() != ScriptSide::Japanese && self.target() != ScriptSide::Japanese,
            Script::Neutral => false,
        }
    }
}

impl std::fmt::Display for OpenccConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// Which implementation converts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Backend {
    /// `ferrous-opencc`, dictionaries embedded in the binary.
    Embedded,
    /// The OpenCC library installed on the machine (feature `system-opencc`).
    System,
}

impl Backend {
    /// The backend used when none is named: the system library when this build has it, since
    /// whoever builds with `system-opencc` wants parity with the installed OpenCC.
    pub const DEFAULT: Backend = if cfg!(feature = "system-opencc") { Backend::System } else { Backend::Embedded };

    pub fn name(self) -> &'static str {
        match self {
            Backend::Embedded => "embedded",
            Backend::System => "system",
        }
    }

    pub fn from_name(name: &str) -> Option<Backend> {
        match name {
            "embedded" => Some(Backend::Embedded),
            "system" => Some(Backend::System),
            _ => None,
        }
    }

    /// True when this build includes the backend.
    pub fn is_available(self) -> bool {
        match self {
            Backend::Embedded => true,
            Backend::System => cfg!(feature = "system-opencc"),
        }
    }
}

/// A conversion that could not be performed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConvertError {
    pub message: String,
}

impl ConvertError {
    pub(crate) fn new(message: impl Into<String>) -> ConvertError {
        ConvertError { message: message.into() }
    }
}

impl std::fmt::Display for ConvertError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ConvertError {}

/// A ready-to-use conversion: one configuration on one backend.
pub trait Converter: Send + Sync {
    fn config(&self) -> OpenccConfig;
    fn backend(&self) -> Backend;
    /// Converts the whole text. The embedded backend never fails; the system library may (a
    /// missing data file, a NUL byte in the input).
    fn convert(&self, text: &str) -> Result<String, ConvertError>;
}
