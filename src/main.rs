//! strace-rs: a system-call tracer for Linux x86_64 with strace's output.

// The tracer starts in its own `main` (below): Rust's start-up would open /dev/null on a
// closed standard descriptor before any of the tracer's code ran (see stdfds).
#![cfg_attr(not(test), no_main)]

mod cli;
mod color;
mod comm;
mod datetime;
mod decode;
mod escape;
mod fdinfo;
mod filter;
mod getopt;
mod inject;
mod json;
mod kinds;
mod mem;
mod msg;
mod number;
mod output;
mod pathtrace;
mod pidmap;
mod pidns;
mod ptrace;
mod render;
mod seccomp;
mod signals;
mod sockdiag;
mod stamp;
mod stdfds;
mod summary;
mod table;
mod text;
mod tips;
mod tracer;
mod tree;

use cli::{Cli, CliExit, Interruptible};
use decode::DecodeOpts;
use filter::SyscallSet;
use output::{Output, Outputs};
use render::{Render, Tee, json::JsonRender, text::TextRender};
use std::ffi::{CString, OsStr, OsString};
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};
use summary::Summary;
use tracer::{Config, Ending, Tracer};

/// The process's entry, as C calls it (`#![no_main]`): the standard descriptors are seen
/// before anything opens one.
#[cfg(not(test))]
#[unsafe(no_mangle)]
extern "C" fn main(argc: libc::c_int, argv: *const *const libc::c_char) -> libc::c_int {
    OWN_ARGV.store(argv.cast_mut(), Ordering::Relaxed);
    OWN_ARGC.store(usize::try_from(argc).unwrap_or(0), Ordering::Relaxed);
    libc::c_int::from(start())
}

/// The tracer's own argv and argc as C passed them to `main` (null and 0 under `cargo test`):
/// the command's arguments are its tail, which the command gets as it is (`command_argv`).
static OWN_ARGV: AtomicPtr<*const libc::c_char> = AtomicPtr::new(std::ptr::null_mut());
static OWN_ARGC: AtomicUsize = AtomicUsize::new(0);

/// Under `cargo test` the harness has its own `main`; this one keeps the tracer's code
/// reachable there.
#[cfg(test)]
fn main() {
    std::process::exit(start().into());
}

/// The standard descriptors seen first, then the tracer; its exit status.
fn start() -> u8 {
    stdfds::ensure_open();
    tracer_main()
}

/// The tracer; its exit status.
fn tracer_main() -> u8 {
    let args: Vec<OsString> = std::env::args_os().collect();
    msg::set_program(args.first().map_or(OsStr::new(""), |a| a.as_os_str()));
    // Until the command is spawned, a reader of stderr that went away must not kill the
    // tracer; the spawned command gets the default disposition back (ptrace::spawn).
    signals::ignore_sigpipe();
    let result = Cli::parse(args.get(1..).unwrap_or_default()).and_then(run);
    match result {
        Ok(code) => code,
        Err(CliExit::Help(text) | CliExit::Version(text)) => {
            msg::stdout(&text);
            0
        }
        Err(CliExit::Usage(text)) => {
            msg::usage(&text);
            1
        }
        Err(CliExit::Fatal(text)) => {
            msg::error(format_args!("{text}"));
            1
        }
    }
}

fn run(cli: Cli) -> Result<u8, CliExit> {
    if cli.list_classes {
        msg::stdout(&filter::class_listing());
        return Ok(0);
    }
    // What strace checks after the command line, in its order.
    let paths = trace_paths(&cli);
    let user = cli.user.as_deref().map(credentials).transpose()?;
    let follow = cli.follow;
    let filter = seccomp_filter(&cli, follow);
    // Without -f, the filtered command's children and threads are followed silently.
    let silent_follow = filter.is_some() && !follow;
    if cli.debug {
        let opts = ptrace::options(false, follow || silent_follow, filter.is_some());
        msg::error(format_args!("ptrace_setoptions = {:#x}", opts.bits()));
    }
    let (outs, popen_pid) = open_outputs(&cli, cli.output.as_deref(), !cli.json)?;
    let qualifiers = cli.qualifiers()?;
    let program = match cli.command.first() {
        Some(prog) => Some(resolve_program(prog)?),
        None => None,
    };
    let pids = cli.pids.clone();
    let summary = cli.summary();
    let decode_fds = cli.decode_fds();
    // With a status filter the text holds each entry half until the outcome is known.
    let holding = qualifiers.status != filter::NameSet::ALL;
    let render: Box<dyn Render> = match (&cli.json_and_text, cli.json) {
        (Some(path), _) => Box::new(Tee {
            first: TextRender::new(outs, holding),
            second: JsonRender::new(open_outputs(&cli, Some(path), false)?.0),
        }),
        (None, true) => Box::new(JsonRender::new(outs)),
        (None, false) => Box::new(TextRender::new(outs, holding)),
    };
    let cfg = Config {
        decode: DecodeOpts {
            max_strlen: cli.string_limit,
            abbreviate: true,
            verbose: true,
            pid_comm: cli.decode_pids_comm,
            optmem_max: decode::OptmemMax::System,
        },
        q: qualifiers,
        syscall_times: cli.syscall_times,
        show_nr: cli.syscall_number,
        show_ip: cli.instruction_pointer,
        summary_only: summary.as_ref().is_some_and(|(_, only)| *only),
        decode_fds,
        paths,
        trace_fds: cli.trace_fds.clone(),
        seccomp: filter.is_some(),
        detach_on_execve: cli.detach_on_execve,
        follow,
        silent_follow,
        output_pid: popen_pid,
        pidns: cli.decode_pids_ns,
        debug: cli.debug,
        syscall_limit: cli.syscall_limit,
        kvm_vcpu: cli.kvm_vcpu,
        process_events: cli.json || cli.json_and_text.is_some(),
    };
    // A command under the seccomp filter cannot run on untraced: its traced syscalls would
    // fail with ENOSYS (seccomp(2), SECCOMP_RET_TRACE without a tracer). strace makes
    // --seccomp-bpf imply --kill-on-exit for the same reason.
    let kill_on_exit = cli.kill_on_exit || filter.is_some();
    // strace's default: a command traced into a file is not interrupted by the tracer's
    // signals (they reach the command from the terminal anyway).
    let interruptible =
        cli.interruptible
            .unwrap_or(if cli.output.is_some() && !cli.command.is_empty() {
                Interruptible::Never
            } else {
                Interruptible::Waiting
            });
    let mut tracer = Tracer::new(cfg, render);
    if let Some((opts, _)) = summary {
        // Beyond strace (which refuses -c with -ff): one table per process in NAME.PID.
        tracer.set_summary(Summary::new(opts, cli.output_separately));
    }
    if cli.tree {
        tracer.set_tree();
    }

    // As strace: the command is spawned before the tracer's own signal dispositions are set
    // (an ignored signal would be inherited through its execve), and they are set before
    // anything is attached (a SIGINT right after an attach must detach, not be lost).
    let spawned = program.is_some();
    if let Some(path) = program {
        let command = ptrace::Command {
            path: cstring(path.as_os_str())?,
            argv: command_argv(&cli)?,
            envp: environment(&cli.env)?,
            user,
            filter,
            sigpipe: signals::command_sigpipe(),
        };
        let pid = ptrace::spawn(
            &command,
            follow || silent_follow,
            kill_on_exit,
            cli.daemonize,
        )
        .map_err(|e| format!("exec: {}", e.desc()))?;
        // -ff -o NAME: strace opens NAME.PID before the command runs; if it cannot, the
        // command never starts.
        if let Err(e) = tracer.render().open_for(pid) {
            ptrace::kill_unstarted(pid);
            return Err(e.into());
        }
        tracer.add_spawned(pid);
        stdfds::release();
    }
    signals::install(interruptible);
    let mut attached = 0;
    for pid in &pids {
        // -ff -o NAME: the first file must be creatable before anything is traced.
        tracer.render().open_for(*pid)?;
        if let Some(threads) = attach(&mut tracer, *pid, follow) {
            tracer.announce_attached(*pid, threads);
            attached += 1;
        }
    }
    if attached == 0 && !spawned {
        return Ok(1);
    }
    let ending = tracer.run();
    reports(&mut tracer, cli.string_limit);
    tracer.finish();
    // Closing the pipe ends the input of `-o '|CMD'`; strace waits for CMD before it exits.
    drop(tracer);
    if let Some(pid) = popen_pid {
        ptrace::wait_child(pid);
    }
    // Last of all, as strace: after the trace, the summary and the output command.
    cli.tips.show();
    Ok(exit_like(ending))
}

/// What is printed when the trace is over: the `-c`/`-C` summary, then `--tree`'s tree, which
/// goes where the summary goes.
fn reports(tracer: &mut Tracer, string_limit: usize) {
    if let Some(summary) = tracer.take_summary() {
        let per_process = summary.render_per_process();
        tracer
            .render()
            .summary(&summary.render_total(), &per_process);
    }
    if let Some(tree) = tracer.take_tree().filter(|t| !t.is_empty()) {
        tracer.render().summary(&tree.render(string_limit), &[]);
    }
}

/// The seccomp filter for the spawned command, if one is used: asked for with `--seccomp-bpf`
/// (strace's warnings where it cannot be are `Cli::parse`'s but the last one), or chosen
/// because it cannot change the output.
///
/// It needs `-f`: children and threads inherit the filter, and one not traced would see its
/// traced syscalls fail with ENOSYS (seccomp(2), `SECCOMP_RET_TRACE` without a tracer). With
/// `--silent-follow` they are followed silently instead (`Config::silent_follow`), which is
/// not the default: a child traced silently cannot be traced by its own parent (a debugger, a
/// tracer under the tracer), and the tracer waits for every child to end. `restart_syscall`
/// is shown with the syscall it resumes, which the tracer knows only if it
/// saw every syscall, so a set with it gets no filter unless asked for.
fn seccomp_filter(cli: &Cli, follow: bool) -> Option<Vec<seccomp::Insn>> {
    // Still asked for after strace's checks: with -f, without -b.
    let asked = cli.seccomp_bpf;
    let trace = cli.trace_set();
    if cli.no_seccomp_bpf {
        return None;
    }
    if asked && *trace == SyscallSet::all() {
        msg::error(format_args!(
            "Seccomp filter is requested but there are no syscalls to filter.  \
             See -e trace to filter syscalls."
        ));
        return None;
    }
    // A process detached at its execve could not run on under the filter; nor one detached
    // at the syscall limit.
    if cli.detach_on_execve
        || cli.syscall_limit.is_some()
        || cli.command.is_empty()
        || (!follow && !cli.silent_follow)
        || *trace == SyscallSet::all()
    {
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
    // -Y names a process as it is after its last prctl(PR_SET_NAME), which a filtered
    // process may make unseen.
    if !asked && cli.decode_pids_comm {
        return None;
    }
    match seccomp::program(trace) {
        Ok(prog) => Some(prog),
        Err(e) => {
            if asked {
                msg::error(format_args!("{e}"));
            }
            None
        }
    }
}

/// The trace's destination: stderr, the `-o` file (`path`), a command reading it (`-o '|CMD'`,
/// whose pid is returned), or with `-ff -o NAME` one file per process. The `-o` file is created
/// before anything runs, so a bad path stops the tracer first. `text`: the trace is strace's
/// text, which `--color` may colour (JSON never is).
fn open_outputs(
    cli: &Cli,
    path: Option<&Path>,
    text: bool,
) -> Result<(Outputs, Option<i32>), CliExit> {
    use std::os::fd::AsRawFd;
    // As strace decides once at start: with -o, every line has the pid when more processes may
    // come (-f) or more than one is traced from the start (-p PID with a command, -p A,B).
    let several = cli.pids.len() + usize::from(!cli.command.is_empty()) > 1;
    let follow = cli.follow || several;
    let format = cli.format();
    // Coloured as strace 7 decides, by the shared output's descriptor (-ff: per-process files).
    let colored = |fd: Option<i32>, separately: bool| output::Format {
        palette: match text {
            true => color::palette(cli.color, fd, separately),
            false => None,
        },
        ..format
    };
    let Some(path) = path else {
        // Line-buffered: whoever reads stderr sees each line as it happens.
        let format = colored(Some(libc::STDERR_FILENO), false);
        let out = Output::new(Box::new(io::stderr()), None, true, format);
        let outs = Outputs::Shared {
            out,
            to_file: false,
            follow,
        };
        return Ok((outs, None));
    };
    let name = path.display().to_string();
    let bytes = path.as_os_str().as_bytes();
    if let Some(command) = bytes.strip_prefix(b"|").or(bytes.strip_prefix(b"!")) {
        if cli.output_separately {
            return Err(CliExit::Usage(
                "piping the output and -ff/--output-separately are mutually exclusive".into(),
            ));
        }
        let (pipe, pid) = output::popen(OsStr::from_bytes(command))
            .map_err(|e| format!("pipe: {}", msg::os_error(&e)))?;
        let format = colored(Some(pipe.as_raw_fd()), false);
        // Line-buffered, as strace sets a piped trace: the reader sees each line at once.
        let out = Output::new(Box::new(pipe), Some(name), true, format);
        let outs = Outputs::Shared {
            out,
            to_file: true,
            follow,
        };
        return Ok((outs, Some(pid)));
    }
    if cli.output_separately {
        // Room for `.PID` in a path (strace's PATH_MAX - sizeof(int) * 3).
        if bytes.len() >= libc::PATH_MAX as usize - 12 {
            let e = io::Error::from_raw_os_error(libc::ENAMETOOLONG);
            return Err(CliExit::Fatal(format!("{name}: {}", msg::os_error(&e))));
        }
        let outs = Outputs::PerProcess {
            base: path.to_path_buf(),
            format: colored(None, true),
            append: cli.append,
            files: Default::default(),
        };
        return Ok((outs, None));
    }
    let file = output::create(path, cli.append)
        .map_err(|e| format!("Can't fopen '{name}': {}", msg::os_error(&e)))?;
    let format = colored(Some(file.as_raw_fd()), false);
    let out = Output::new(Box::new(file), Some(name), false, format);
    let outs = Outputs::Shared {
        out,
        to_file: true,
        follow,
    };
    Ok((outs, None))
}

impl From<String> for CliExit {
    fn from(text: String) -> Self {
        CliExit::Fatal(text)
    }
}

/// The command's arguments: the tail of the tracer's own argv when that is what they are (no
/// `--argv0`), else made.
fn command_argv(cli: &Cli) -> Result<ptrace::CStrings, String> {
    if cli.argv0.is_none()
        && let Some(tail) = own_argv_tail(&cli.command)
    {
        return Ok(ptrace::CStrings::Own(tail));
    }
    // --argv0=NAME: the program is still found by its own name.
    let argv = cli
        .command
        .iter()
        .enumerate()
        .map(|(i, a)| match (i, &cli.argv0) {
            (0, Some(name)) => cstring(name),
            _ => cstring(a),
        })
        .collect::<Result<_, _>>()?;
    Ok(ptrace::CStrings::Made(argv))
}

/// The last `words.len()` entries of the tracer's own argv, if they are these words.
fn own_argv_tail(words: &[OsString]) -> Option<*const *const libc::c_char> {
    let argv = OWN_ARGV.load(Ordering::Relaxed).cast_const();
    let first = OWN_ARGC.load(Ordering::Relaxed).checked_sub(words.len())?;
    if argv.is_null() || words.is_empty() {
        return None;
    }
    // SAFETY: C's argv holds argc valid NUL-terminated strings and then NULL, for the whole
    // run (nothing in the tracer changes it); `first + words.len()` is argc.
    let tail = unsafe { argv.add(first) };
    let same = words.iter().enumerate().all(|(i, word)| {
        // SAFETY: as above, `first + i` < argc.
        let arg = unsafe { std::ffi::CStr::from_ptr(*tail.add(i)) };
        arg.to_bytes() == word.as_bytes()
    });
    same.then_some(tail)
}

/// The command's environment: ours, with `-E VAR=VAL` set and `-E VAR` removed, in order.
/// Without `-E` it is the tracer's own `environ`, entry for entry, as strace hands it on.
fn environment(changes: &[OsString]) -> Result<ptrace::CStrings, String> {
    unsafe extern "C" {
        static environ: *const *const libc::c_char;
    }
    if changes.is_empty() {
        // SAFETY: the tracer never changes its environment, so `environ` stays the
        // NULL-terminated array C started it with.
        return Ok(ptrace::CStrings::Own(unsafe { environ }));
    }
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
        .collect::<Result<_, _>>()
        .map(ptrace::CStrings::Made)
}

/// `-u USER`: the user's uid, primary gid and supplementary groups; as in strace, only root
/// may ask.
fn credentials(name: &str) -> Result<ptrace::Credentials, String> {
    if !nix::unistd::getuid().is_root() || !nix::unistd::geteuid().is_root() {
        return Err("You must be root to use the -u/--username option".into());
    }
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
/// another name on stderr (unless `--quiet=path-resolution`).
fn trace_paths(cli: &Cli) -> pathtrace::PathSet {
    let mut set = pathtrace::PathSet::default();
    for path in &cli.trace_paths {
        if let Some(real) = set.add(path.as_bytes())
            && !cli.quiet_path_resolution()
        {
            msg::error(format_args!(
                "Requested path {} resolved into {}",
                quoted(path.as_bytes()),
                quoted(&real)
            ));
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

/// Finds the program as strace does: a name with a slash is used as is, any other is searched
/// for in PATH (an empty element but the last is the current directory); either way
/// it must exist (`Can't stat '...'`), and its name must fit in PATH_MAX.
fn resolve_program(prog: &OsString) -> Result<PathBuf, String> {
    let as_path = Path::new(prog);
    let path_max = libc::PATH_MAX as usize;
    if prog.len() > path_max - 1 {
        let e = io::Error::from_raw_os_error(libc::ENAMETOOLONG);
        return Err(format!("exec: {}", msg::os_error(&e)));
    }
    let cant_stat =
        |e: &io::Error| format!("Can't stat '{}': {}", as_path.display(), msg::os_error(e));
    if prog.as_bytes().contains(&b'/') {
        std::fs::metadata(as_path).map_err(|e| cant_stat(&e))?;
        return Ok(as_path.to_path_buf());
    }
    let path_var = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs: Vec<&[u8]> = path_var.as_bytes().split(|&b| b == b':').collect();
    // strace's walk ends at the end of PATH: a trailing empty element is not searched.
    if dirs.last().is_some_and(|d| d.is_empty()) {
        dirs.pop();
    }
    for dir in dirs {
        let dir = match dir {
            b"" => match std::env::current_dir() {
                Ok(cwd) => cwd,
                Err(_) => continue,
            },
            _ => PathBuf::from(OsStr::from_bytes(dir)),
        };
        let candidate = dir.join(as_path);
        if candidate.as_os_str().len() > path_max - 1 {
            continue;
        }
        if let Ok(meta) = std::fs::metadata(&candidate)
            && meta.is_file()
            && meta.permissions().mode() & 0o111 != 0
        {
            return Ok(candidate);
        }
    }
    Err(cant_stat(&io::Error::from_raw_os_error(libc::ENOENT)))
}

/// Attaches to every thread of process `pid`; returns how many. A pid that cannot be attached
/// is reported (one message each, as strace) and skipped.
fn attach(tracer: &mut Tracer, pid: i32, follow: bool) -> Option<usize> {
    let threads = list_threads(pid);
    if threads.is_empty() {
        msg::error(format_args!(
            "attach: ptrace(PTRACE_SEIZE, {pid}): No such process"
        ));
        return None;
    }
    let opts = ptrace::options(false, follow, false);
    let mut attached = 0;
    for tid in &threads {
        match ptrace::seize(*tid, opts) {
            Ok(()) => {
                // The interrupt stop lets the loop start the tracee on syscall stops.
                let _ = ptrace::interrupt(*tid);
                tracer.add_attached(*tid, pid);
                attached += 1;
            }
            Err(e) if *tid == pid => {
                msg::error(format_args!(
                    "attach: ptrace(PTRACE_SEIZE, {pid}): {}",
                    e.desc()
                ));
                return None;
            }
            Err(_) => {}
        }
    }
    Some(attached)
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
fn exit_like(ending: Ending) -> u8 {
    let sig = match ending {
        Ending::Exited(code) => return code as u8,
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
    128u8.wrapping_add(sig as u8)
}
