//! The default backend: `ferrous-opencc`, pure Rust with OpenCC's dictionaries embedded.

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

use super::{Backend, ConvertError, Converter, OpenccConfig};

pub struct EmbeddedConverter {
    config: OpenccConfig,
    inner: OpenCC,
}

impl EmbeddedConverter {
    pub fn new(config: OpenccConfig) -> Result<EmbeddedConverter, ConvertError> {
        let builtin = match config {
            OpenccConfig::S2t => BuiltinConfig::S2t,
            OpenccConfig::T2s => BuiltinConfig::T2s,
            OpenccConfig::S2tw => BuiltinConfig::S2tw,
            OpenccConfig::Tw2s => BuiltinConfig::Tw2s,
            OpenccConfig::S2twp => BuiltinConfig::S2twp,
            OpenccConfig::Tw2sp => BuiltinConfig::Tw2sp,
            OpenccConfig::S2hk => BuiltinConfig::S2hk,
            OpenccConfig::Hk2s => BuiltinConfig::Hk2s,
            OpenccConfig::T2tw => BuiltinConfig::T2tw,
            OpenccConfig::Tw2t => BuiltinConfig::Tw2t,
            OpenccConfig::T2hk => BuiltinConfig::T2hk,
            OpenccConfig::Hk2t => BuiltinConfig::Hk2t,
            OpenccConfig::T2jp => BuiltinConfig::T2jp,
            OpenccConfig::Jp2t => BuiltinConfig::Jp2t,
        };
        let inner = OpenCC::from_config(builtin)
            .map_err(|err| ConvertError::new(format!("cannot build the embedded {config} converter: {err}")))?;
        Ok(EmbeddedConverter { config, inner })
    }
}

impl Converter for EmbeddedConverter {
    fn config(&self) -> OpenccConfig {
        self.config
    }

    fn backend(&self) -> Backend {
        Backend::Embedded
    }

    fn convert(&self, text: &str) -> Result<String, ConvertError> {
        Ok(self.inner.convert(text))
    }
}
