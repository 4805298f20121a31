//! Command-line scanning as GNU `getopt_long` does it for strace's option string (which starts
//! with `+`: scanning stops at the first operand, so the traced command's own options are left
//! alone). strace's users, scripts and test suite rely on its exact behaviour: clustered short
//! options (`-ff`, `-tt`, `-s64`), `--name=value` and `--name value`, unique prefixes of long
//! names (`--follow` for `--follow-forks`), and getopt's error messages.

/// Whether an option takes an argument (getopt's `no_argument`, `required_argument`,
/// `optional_argument`). A short option with an optional argument takes none: strace's optional
/// arguments belong to long names only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HasArg {
    No,
    Required,
    Optional,
}

/// One option as the scanner sees it: its letter, its long names and its argument.
pub trait OptSpec {
    fn short(&self) -> Option<u8>;
    fn longs(&self) -> &[&'static str];
    fn has_arg(&self) -> HasArg;
}

/// One option found on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Its index in the option table.
    pub index: usize,
    /// Its name as strace names it in messages: `-s`, or `--string-limit` (the full long name,
    /// even when a prefix was typed).
    pub name: String,
    pub value: Option<String>,
}

/// The options in order and the operands after them (the command).
#[derive(Debug, Default)]
pub struct Scanned {
    pub options: Vec<Found>,
    pub operands: Vec<std::ffi::OsString>,
    /// getopt's message for a bad option, which strace follows with its usage hint; `options`
    /// are those before it (strace acts on each as it is found, so one of them may fail first).
    pub error: Option<String>,
}

/// Scans `args` (without argv[0]).
pub fn scan<T: OptSpec>(table: &[T], args: &[std::ffi::OsString]) -> Scanned {
    let mut out = Scanned::default();
    if let Err(e) = scan_into(&mut out, table, args) {
        out.error = Some(e);
    }
    out
}

fn scan_into<T: OptSpec>(
    out: &mut Scanned,
    table: &[T],
    args: &[std::ffi::OsString],
) -> Result<(), String> {
    let mut i = 0;
    while i < args.len() {
        let Some(arg) = args[i].to_str().map(str::to_owned) else {
            // Not UTF-8: no option is spelt that way, so it is the command (or a bad option).
            if args[i].as_encoded_bytes().first() == Some(&b'-') {
                return Err(format!(
                    "unrecognized option '{}'",
                    args[i].to_string_lossy()
                ));
            }
            break;
        };
        if arg == "--" {
            i += 1;
            break;
        }
        if let Some(long) = arg.strip_prefix("--") {
            i += 1;
            let (name, inline) = match long.split_once('=') {
                Some((n, v)) => (n, Some(v.to_owned())),
                None => (long, None),
            };
            let index = find_long(table, name, &arg)?;
            let spec = &table[index];
            let full = format!("--{}", matched_long(spec, name));
            let value = match (spec.has_arg(), inline) {
                (HasArg::No, Some(_)) => {
                    return Err(format!("option '{full}' doesn't allow an argument"));
                }
                (HasArg::No, None) => None,
                (HasArg::Optional, v) => v,
                (HasArg::Required, Some(v)) => Some(v),
                (HasArg::Required, None) => match args.get(i).and_then(|a| a.to_str()) {
                    Some(next) => {
                        i += 1;
                        Some(next.to_owned())
                    }
                    None => return Err(format!("option '{full}' requires an argument")),
                },
            };
            out.options.push(Found {
                index,
                name: full,
                value,
            });
            continue;
        }
        if arg.len() < 2 || !arg.starts_with('-') {
            break;
        }
        i += 1;
        let bytes = arg.as_bytes();
        let mut j = 1;
        while j < bytes.len() {
            let letter = bytes[j];
            j += 1;
            let Some(index) = table.iter().position(|s| s.short() == Some(letter)) else {
                return Err(format!("invalid option -- '{}'", char::from(letter)));
            };
            let value = if table[index].has_arg() == HasArg::Required {
                let value = if j < bytes.len() {
                    arg[j..].to_owned()
                } else {
                    match args.get(i).and_then(|a| a.to_str()) {
                        Some(next) => {
                            i += 1;
                            next.to_owned()
                        }
                        None => {
                            return Err(format!(
                                "option requires an argument -- '{}'",
                                char::from(letter)
                            ));
                        }
                    }
                };
                j = bytes.len();
                Some(value)
            } else {
                None
            };
            out.options.push(Found {
                index,
                name: format!("-{}", char::from(letter)),
                value,
            });
        }
    }
    out.operands = args[i.min(args.len())..].to_vec();
    Ok(())
}

/// The option a long name (or an unambiguous prefix of one) names.
fn find_long<T: OptSpec>(table: &[T], name: &str, typed: &str) -> Result<usize, String> {
    let shown = typed.split('=').next().unwrap_or(typed);
    if let Some(i) = table.iter().position(|s| s.longs().contains(&name)) {
        return Ok(i);
    }
    let candidates: Vec<(usize, &str)> = table
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.longs().iter().map(move |l| (i, *l)))
        .filter(|(_, l)| !name.is_empty() && l.starts_with(name))
        .collect();
    match candidates.first() {
        None => Err(format!("unrecognized option '{typed}'")),
        // Several names of one option (aliases) are no ambiguity.
        Some((first, _)) if candidates.iter().all(|(i, _)| i == first) => Ok(*first),
        Some(_) => {
            let list: Vec<String> = candidates.iter().map(|(_, l)| format!("'--{l}'")).collect();
            Err(format!(
                "option '{shown}' is ambiguous; possibilities: {}",
                list.join(" ")
            ))
        }
    }
}

/// The long name of `spec` that `typed` (a name or prefix) stands for.
fn matched_long<T: OptSpec>(spec: &T, typed: &str) -> &'static str {
    let longs = spec.longs();
    longs
        .iter()
        .find(|l| **l == typed)
        .or_else(|| longs.iter().find(|l| l.starts_with(typed)))
        .copied()
        .unwrap_or("")
}

/// The comma-separated tokens of an argument like `--tips=id:3,full`, lower-cased, each with
/// which of the two `KEY:` prefixes it may stand for: the one it names, or both when it names
/// none (strace's parsers of `--tips` and `--absolute-timestamps`; empty tokens skipped).
pub fn keyed_tokens<'a>(
    arg: &'a str,
    keys: [&'a str; 2],
) -> impl Iterator<Item = (String, [bool; 2])> + 'a {
    arg.split(',').filter(|t| !t.is_empty()).map(move |token| {
        let lower = token.to_ascii_lowercase();
        match lower.split_once(':') {
            Some((k, w)) if k == keys[0] => (w.to_string(), [true, false]),
            Some((k, w)) if k == keys[1] => (w.to_string(), [false, true]),
            _ => (lower, [true, true]),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    struct S(Option<u8>, &'static [&'static str], HasArg);
    impl OptSpec for S {
        fn short(&self) -> Option<u8> {
            self.0
        }
        fn longs(&self) -> &[&'static str] {
            self.1
        }
        fn has_arg(&self) -> HasArg {
            self.2
        }
    }

    const TABLE: &[S] = &[
        S(Some(b'f'), &[], HasArg::No),
        S(Some(b's'), &["string-limit"], HasArg::Required),
        S(None, &["follow-forks"], HasArg::No),
        S(Some(b'r'), &["relative-timestamps"], HasArg::Optional),
        S(None, &["summary"], HasArg::No),
        S(None, &["summary-only"], HasArg::No),
        S(None, &["quiet", "silent", "silence"], HasArg::Optional),
    ];

    fn scan_words(words: &[&str]) -> Result<Vec<(usize, String, Option<String>)>, String> {
        let args: Vec<_> = words.iter().map(std::ffi::OsString::from).collect();
        let s = scan(TABLE, &args);
        if let Some(e) = s.error {
            return Err(e);
        }
        let mut v: Vec<_> = s
            .options
            .into_iter()
            .map(|f| (f.index, f.name, f.value))
            .collect();
        for op in s.operands {
            v.push((99, op.to_string_lossy().into_owned(), None));
        }
        Ok(v)
    }

    #[test]
    fn clusters_values_and_operands() {
        let got = scan_words(&["-ffs64", "-s", "-1", "ls", "-l"]).unwrap();
        let want = vec![
            (0, "-f".to_string(), None),
            (0, "-f".to_string(), None),
            (1, "-s".to_string(), Some("64".to_string())),
            (1, "-s".to_string(), Some("-1".to_string())),
            (99, "ls".to_string(), None),
            (99, "-l".to_string(), None),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn long_names_prefixes_and_values() {
        let got = scan_words(&[
            "--follow",
            "--string=5",
            "--string-limit",
            "7",
            "-r",
            "--rel=ns",
        ])
        .unwrap();
        assert_eq!(got[0], (2, "--follow-forks".into(), None));
        assert_eq!(got[1], (1, "--string-limit".into(), Some("5".into())));
        assert_eq!(got[2], (1, "--string-limit".into(), Some("7".into())));
        assert_eq!(got[3], (3, "-r".into(), None));
        assert_eq!(
            got[4],
            (3, "--relative-timestamps".into(), Some("ns".into()))
        );
        assert_eq!(scan_words(&["--sil"]).unwrap()[0].0, 6);
        assert_eq!(scan_words(&["--summary"]).unwrap()[0].0, 4);
    }

    #[test]
    fn getopt_messages() {
        let err = |w: &[&str]| scan_words(w).unwrap_err();
        assert_eq!(err(&["-s"]), "option requires an argument -- 's'");
        assert_eq!(
            err(&["--string-limit"]),
            "option '--string-limit' requires an argument"
        );
        assert_eq!(err(&["-K"]), "invalid option -- 'K'");
        assert_eq!(err(&["--bogus=1"]), "unrecognized option '--bogus=1'");
        assert_eq!(
            err(&["--follow-forks=3"]),
            "option '--follow-forks' doesn't allow an argument"
        );
        assert_eq!(
            err(&["--summ"]),
            "option '--summ' is ambiguous; possibilities: '--summary' '--summary-only'"
        );
    }

    /// The options before a bad one are kept, to be acted on first as strace does.
    #[test]
    fn options_before_an_error_are_kept() {
        let args: Vec<_> = ["-f", "-s", "5", "-K", "-f"]
            .iter()
            .map(std::ffi::OsString::from)
            .collect();
        let s = scan(TABLE, &args);
        assert_eq!(s.error.as_deref(), Some("invalid option -- 'K'"));
        assert_eq!(s.options.len(), 2);
        assert!(s.operands.is_empty());
    }

    #[test]
    fn double_dash_and_lone_dash_end_options() {
        assert_eq!(
            scan_words(&["--", "-f"]).unwrap(),
            vec![(99, "-f".into(), None)]
        );
        assert_eq!(scan_words(&["-", "-f"]).unwrap()[0], (99, "-".into(), None));
    }
}
