//! The `system-opencc` backend: `opencc-rust`, bound to the OpenCC library and data files
//! installed on the machine, for output identical to the `opencc` command-line tool.
//!
//! OpenCC finds `t2s.json` in its package data folder (`/usr/share/opencc` on Debian). Its C API
//! rejects text with a NUL byte, so text is converted NUL-separated piece by piece.

use opencc_rust::OpenCC;

use super::{Backend, ConvertError, Converter, OpenccConfig};

pub struct SystemConverter {
    config: OpenccConfig,
    inner: OpenCC,
}

impl SystemConverter {
    pub fn new(config: OpenccConfig) -> Result<SystemConverter, ConvertError> {
        let file = format!("{}.json", config.name());
        let inner = OpenCC::new(&file)
            .map_err(|err| ConvertError::new(format!("cannot open the system OpenCC configuration {file}: {err}")))?;
        Ok(SystemConverter { config, inner })
    }
}

impl Converter for SystemConverter {
    fn config(&self) -> OpenccConfig {
        self.config
    }

    fn backend(&self) -> Backend {
        Backend::System
    }

    fn convert(&self, text: &str) -> Result<String, ConvertError> {
        let mut out = String::with_capacity(text.len() + text.len() / 8);
        for (index, piece) in text.split('\0').enumerate() {
            if index > 0 {
                out.push('\0');
            }
            out = self
                .inner
                .convert_to_buffer(piece, out)
                .map_err(|err| ConvertError::new(format!("OpenCC {} failed: {err}", self.config)))?;
        }
        Ok(out)
    }
}
