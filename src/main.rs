//! strace-rs: a system-call tracer for Linux x86_64 with strace's output.

mod cli;
mod decode;
mod fdinfo;
mod filter;
mod json;
mod mem;
mod output;
mod pathtrace;
mod ptrace;
mod seccomp;
mod signals;
mod sockdiag;
mod stamp;
mod summary;
mod table;
mod text;
mod tracer;

use cli::Cli;
use decode::DecodeOpts;
use filter::{SyscallSet, quiet};
use output::{Output, Outputs};
use std::ffi::{CString, OsStr, OsString};
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use summary::Summary;
use tracer::{Config, Ending, Render, Tracer};

/// Prints `strace-rs: MSG` and the hint strace gives after a usage error.
fn usage_error(msg: &str) -> ExitCode {
    eprintln!("strace-rs: {msg}");
    eprintln!("Try 'strace-rs -h' for more information.");
    ExitCode::from(1)
}

fn main() -> ExitCode {
    let cli = match Cli::parse_args() {
        Ok(cli) => cli,
        Err(e) => return parse_error(e),
    };
    match run(cli) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("strace-rs: {msg}");
            ExitCode::from(1)
        }
    }
}

/// Reports a command-line error in strace's words where strace has them (getopt's messages for
/// unknown options), clap's otherwise; help and version exit 0.
fn parse_error(e: clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if !e.use_stderr() {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    if e.kind() == ErrorKind::UnknownArgument
        && let Some(ContextValue::String(arg)) = e.get(ContextKind::InvalidArg)
    {
        return match arg.strip_prefix("--") {
            Some(_) => usage_error(&format!("unrecognized option '{arg}'")),
            None => {
                let letter = arg.trim_start_matches('-').chars().next().unwrap_or('?');
                usage_error(&format!("invalid option -- '{letter}'"))
            }
        };
    }
    let _ = e.print();
    ExitCode::from(1)
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    if cli.list_classes {
        print!("{}", filter::class_listing());
        return Ok(ExitCode::SUCCESS);
    }
    let pids = cli.attach_pids()?;
    let qualifiers = cli.qualifiers()?;
    let summary = match cli.summary() {
        Ok(summary) => summary,
        Err(msg) => return Ok(usage_error(&msg)),
    };
    if pids.is_empty() && cli.command.is_empty() {
        return Ok(usage_error("must have PROG [ARGS] or -p PID"));
    }
    // Everything that can fail on bad input is checked before anything is run or attached.
    let program = match cli.command.first() {
        Some(prog) => Some(resolve_program(prog)?),
        None => None,
    };
    let decode_fds = cli.decode_fds()?;
    let paths = trace_paths(&cli);
    let follow = cli.follow > 0;
    let outs = open_outputs(&cli, cli.output.as_deref())?;
    let render = match (&cli.json_and_text, cli.json) {
        (Some(_), _) => Render::TextAndJson,
        (None, true) => Render::Json,
        (None, false) => Render::Text,
    };
    let cfg = Config {
        render,
        decode: DecodeOpts {
            max_strlen: cli.string_limit,
            abbreviate: true,
            verbose: true,
        },
        q: qualifiers.clone(),
        syscall_times: cli.syscall_times()?,
        show_nr: cli.syscall_number,
        show_ip: cli.instruction_pointer,
        summary_only: summary.as_ref().is_some_and(|(_, only)| *only),
        decode_fds,
        paths,
        trace_fds: cli.trace_fds()?,
        seccomp: false,
    };
    let filter = seccomp_filter(&cli, &cfg.q.trace, follow);
    let cfg = Config {
        seccomp: filter.is_some(),
        ..cfg
    };
    let mut tracer = Tracer::new(cfg, outs);
    if let Some(path) = &cli.json_and_text {
        tracer.set_json_copy(open_outputs(&cli, Some(path))?);
    }
    if let Some((opts, _)) = summary {
        // Beyond strace (which refuses -c with -ff): one table per process in NAME.PID.
        let per_process = cli.follow >= 2 && cli.output.is_some();
        tracer.set_summary(Summary::new(opts, per_process));
    }

    let inherited = signals::install();
    for pid in &pids {
        // With --json the attach is an event, and stderr may be the JSON stream.
        attach(
            &mut tracer,
            *pid,
            follow,
            qualifiers.quiet.contains(quiet::ATTACH) || cli.json,
        )?;
    }
    if let Some(path) = program {
        let command = ptrace::Command {
            path: cstring(path.as_os_str())?,
            argv: cli
                .command
                .iter()
                .map(|a| cstring(a))
                .collect::<Result<_, _>>()?,
            envp: environment(&cli.env)?,
            user: cli.user.as_deref().map(credentials).transpose()?,
            filter,
            signals: inherited,
        };
        let pid = ptrace::spawn(&command, follow).map_err(|e| format!("exec: {}", e.desc()))?;
        tracer.add_spawned(pid);
    }
    let ending = tracer.run();
    let summary = tracer.take_summary();
    if let Some(summary) = &summary {
        if cli.json {
            // The JSON stream stays JSON Lines: the table goes to stderr (docs/json.md).
            eprint!("{}", summary.render_total());
        } else {
            tracer.outputs().summary(&summary.render_total());
        }
    }
    if let Err(msg) = tracer.finish() {
        eprintln!("strace-rs: {msg}");
    }
    // The per-process tables of -ff -o would go into the JSON files: not with --json.
    let per_process = summary.iter().filter(|_| !cli.json);
    for (pid, table) in per_process.flat_map(|s| s.render_per_process()) {
        if let Err(msg) = tracer.outputs().append_to_process_file(pid, &table) {
            eprintln!("strace-rs: {msg}");
        }
    }
    Ok(exit_like(ending))
}

/// The seccomp filter for the spawned command, if one is used: asked for with `--seccomp-bpf`
/// (with strace's warnings where it cannot be), or chosen because it cannot change the output.
///
/// It needs `-f`: children and threads inherit the filter, and one not traced would see
/// its traced syscalls fail with ENOSYS (seccomp(2), `SECCOMP_RET_TRACE` without a tracer).
/// `restart_syscall` is shown with the syscall it resumes, which the tracer knows only if it
/// saw every syscall, so a set with it gets no filter unless asked for.
fn seccomp_filter(cli: &Cli, trace: &SyscallSet, follow: bool) -> Option<Vec<seccomp::Insn>> {
    let asked = cli.seccomp_bpf;
    let warn = |msg: &str| {
        if asked {
            eprintln!("strace-rs: {msg}");
        }
    };
    if cli.no_seccomp_bpf {
        return None;
    }
    if cli.command.is_empty() {
        warn("--seccomp-bpf is not enabled for processes attached with -p");
        return None;
    }
    if !follow {
        warn("--seccomp-bpf cannot be used without -f/--follow-forks, disabling");
        return None;
    }
    if *trace == SyscallSet::all() {
        warn(
            "Seccomp filter is requested but there are no syscalls to filter.  \
             See -e trace to filter syscalls.",
        );
        return None;
    }
    if !asked && trace.contains_name("restart_syscall") {
        return None;
    }
    // -n shows the last syscall a process made on its signal and exit lines, and a filtered
    // process reports only the traced ones: strace itself differs there with --seccomp-bpf.
    if !asked && cli.syscall_number {
        return None;
    }
    match seccomp::program(trace) {
        Ok(prog) => Some(prog),
        Err(e) => {
            warn(&e.to_string());
            None
        }
    }
}

/// The trace's destination: stderr, the `-o` file (`path`), or with `-ff -o NAME` one file per
/// process. The `-o` file is created before anything runs, so a bad path stops the tracer first.
fn open_outputs(cli: &Cli, path: Option<&Path>) -> Result<Outputs, String> {
    let follow = cli.follow > 0;
    let Some(path) = path else {
        // Line-buffered: whoever reads stderr sees each line as it happens.
        let out = Output::new(Box::new(io::stderr()), true, cli.format()?);
        return Ok(Outputs::Shared {
            out,
            to_file: false,
            follow,
        });
    };
    let cant_open =
        |path: &Path, e: io::Error| format!("Can't fopen '{}': {}", path.display(), os_error(&e));
    if cli.follow >= 2 {
        // Check now that files can be made there, as strace does when it opens the first one.
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::metadata(dir).map_err(|e| cant_open(path, e))?;
        return Ok(Outputs::PerProcess {
            base: path.to_path_buf(),
            format: cli.format()?,
            append: cli.append,
            files: Default::default(),
            error: None,
        });
    }
    let file = output::create(path, cli.append).map_err(|e| cant_open(path, e))?;
    let out = Output::new(Box::new(file), false, cli.format()?);
    Ok(Outputs::Shared {
        out,
        to_file: true,
        follow,
    })
}

/// The command's environment: ours, with `-E VAR=VAL` set and `-E VAR` removed, in order.
fn environment(changes: &[OsString]) -> Result<Vec<CString>, String> {
    let mut vars: Vec<(OsString, OsString)> = std::env::vars_os().collect();
    for change in changes {
        let bytes = change.as_bytes();
        let (name, value) = match bytes.iter().position(|&b| b == b'=') {
            Some(i) => (
                OsStr::from_bytes(&bytes[..i]),
                Some(OsStr::from_bytes(&bytes[i + 1..])),
            ),
            None => (change.as_os_str(), None),
        };
        vars.retain(|(n, _)| n != name);
        if let Some(value) = value {
            vars.push((name.to_os_string(), value.to_os_string()));
        }
    }
    vars.iter()
        .map(|(n, v)| {
            let mut pair = n.clone();
            pair.push("=");
            pair.push(v);
            cstring(&pair)
        })
        .collect()
}

/// `-u USER`: the user's uid, primary gid and supplementary groups.
fn credentials(name: &str) -> Result<ptrace::Credentials, String> {
    let user = nix::unistd::User::from_name(name)
        .ok()
        .flatten()
        .ok_or_else(|| format!("Cannot find user '{name}'"))?;
    let cname = CString::new(name).map_err(|_| format!("Cannot find user '{name}'"))?;
    let groups = nix::unistd::getgrouplist(&cname, user.gid)
        .map_err(|e| format!("getgrouplist: {}", e.desc()))?;
    Ok(ptrace::Credentials {
        uid: user.uid.as_raw(),
        gid: user.gid.as_raw(),
        groups: groups.iter().map(|g| g.as_raw()).collect(),
    })
}

/// The `-P` paths, each with its canonical name; strace notes a path that resolves to
/// another name on stderr.
fn trace_paths(cli: &Cli) -> pathtrace::PathSet {
    let mut set = pathtrace::PathSet::default();
    for path in &cli.trace_paths {
        if let Some(real) = set.add(path.as_bytes()) {
            eprintln!(
                "strace-rs: Requested path {} resolved into {}",
                quoted(path.as_bytes()),
                quoted(&real)
            );
        }
    }
    set
}

/// A string as strace quotes it in its messages.
fn quoted(bytes: &[u8]) -> String {
    let mut out = vec![b'"'];
    text::escape_with(&mut out, bytes, output::HexStrings::Never, b"");
    out.push(b'"');
    String::from_utf8_lossy(&out).into_owned()
}

fn cstring(s: &OsStr) -> Result<CString, String> {
    CString::new(s.as_bytes())
        .map_err(|_| format!("argument contains a NUL byte: {}", s.to_string_lossy()))
}

/// An io::Error as strerror() words it, without Rust's " (os error N)".
fn os_error(e: &io::Error) -> String {
    match e.raw_os_error() {
        Some(code) => nix::errno::Errno::from_raw(code).desc().to_string(),
        None => e.to_string(),
    }
}

/// Finds the program as strace does: a name with a slash is used as is, any other is searched
/// for in PATH; either way it must exist (`Can't stat '...'`).
fn resolve_program(prog: &OsString) -> Result<PathBuf, String> {
    let as_path = Path::new(prog);
    let cant_stat = |e: &io::Error| format!("Can't stat '{}': {}", as_path.display(), os_error(e));
    if prog.as_bytes().contains(&b'/') {
        std::fs::metadata(as_path).map_err(|e| cant_stat(&e))?;
        return Ok(as_path.to_path_buf());
    }
    let path_var =
        std::env::var_os("PATH").unwrap_or_else(|| OsString::from("/usr/local/bin:/bin:/usr/bin"));
    for dir in std::env::split_paths(&path_var) {
        let candidate = dir.join(as_path);
        if let Ok(meta) = std::fs::metadata(&candidate)
            && meta.is_file()
            && meta.permissions().mode() & 0o111 != 0
        {
            return Ok(candidate);
        }
    }
    Err(cant_stat(&io::Error::from_raw_os_error(libc::ENOENT)))
}

/// Attaches to every thread of process `pid` and announces it as strace does.
fn attach(tracer: &mut Tracer, pid: i32, follow: bool, quiet: bool) -> Result<(), String> {
    if pid == std::process::id() as i32 {
        return Err("I'm sorry, I can't let you do that, Dave.".to_string());
    }
    let threads = list_threads(pid);
    if threads.is_empty() {
        return Err(format!(
            "attach: ptrace(PTRACE_SEIZE, {pid}): No such process"
        ));
    }
    let opts = ptrace::options(false, follow, false);
    let mut attached = 0;
    for tid in &threads {
        match ptrace::seize(*tid, opts) {
            Ok(()) => {
                // The interrupt stop lets the loop start the tracee on syscall stops.
                let _ = ptrace::interrupt(*tid);
                tracer.add_attached(*tid);
                attached += 1;
            }
            Err(e) if *tid == pid => {
                return Err(format!("attach: ptrace(PTRACE_SEIZE, {pid}): {}", e.desc()));
            }
            Err(_) => {}
        }
    }
    if !quiet {
        match attached {
            1 => eprintln!("strace-rs: Process {pid} attached"),
            n => eprintln!("strace-rs: Process {pid} attached with {n} threads"),
        }
    }
    Ok(())
}

/// The thread ids of a process, from /proc/PID/task; empty if there is no such process.
fn list_threads(pid: i32) -> Vec<i32> {
    let mut tids: Vec<i32> = std::fs::read_dir(format!("/proc/{pid}/task"))
        .map(|dir| {
            dir.flatten()
                .filter_map(|e| e.file_name().to_str()?.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    tids.sort_unstable();
    // The thread group leader first, so its attach error is the one reported.
    if let Some(i) = tids.iter().position(|t| *t == pid) {
        tids.swap(0, i);
    }
    tids
}

/// Ends the tracer the way the traced command ended: the same exit code, or death by the same
/// signal (without a core dump of the tracer), as strace does.
fn exit_like(ending: Ending) -> ExitCode {
    let sig = match ending {
        Ending::Exited(code) => return ExitCode::from(code as u8),
        Ending::Killed { sig, .. } | Ending::Interrupted(sig) => sig,
    };
    // SAFETY: plain libc calls; the tracer has no tracees left and its output is flushed.
    unsafe {
        let no_core = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        libc::setrlimit(libc::RLIMIT_CORE, &no_core);
        libc::signal(sig, libc::SIG_DFL);
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, sig);
        libc::sigprocmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
        libc::raise(sig);
    }
    ExitCode::from(128u8.wrapping_add(sig as u8))
}
