//! CLI behaviour as data: every case under `tests/cmd/` (`*.toml` with its `.in/` folder and
//! expected output, `*.trycmd` transcripts) runs against the real binary. Refresh the expected
//! output after an intended change with `TRYCMD=overwrite cargo test -p zhnews-tests --test cli_cmd`.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .register_bin("zhnews", zhnews_tests::zhnews_bin())
        .env("NO_COLOR", "1")
        .case("cmd/*.toml")
        .case("cmd/*.trycmd");
}
