//! Running commands: in the foreground, for their output, or as services we wait for.

use crate::Result;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Runs `cmd` with inherited stdio; a non-zero exit is an error naming the command.
pub fn run(cmd: &mut Command) -> Result {
    let shown = describe(cmd);
    println!("$ {shown}");
    let status = cmd.status().map_err(|e| format!("cannot start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Runs `cmd` quietly and returns its stdout, or `None` if it cannot run or fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.stderr(Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A background service, killed when dropped so no test run leaves servers behind.
pub struct Service {
    name: String,
    child: Child,
}

impl Service {
    /// Starts `cmd` and waits until a stdout line starts with `ready_prefix`; returns the rest of
    /// that line (e.g. the URL the service chose). Later stdout lines are echoed with a prefix.
    pub fn start(
        name: &str,
        cmd: &mut Command,
        ready_prefix: &str,
        timeout: Duration,
    ) -> Result<(Self, String)> {
        let shown = describe(cmd);
        println!("$ {shown} &");
        let mut child = cmd
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {name} (`{shown}`): {e}"))?;
        let stdout = child.stdout.take().ok_or_else(|| format!("{name}: no stdout"))?;
        let (tx, rx) = mpsc::channel();
        let prefix = ready_prefix.to_owned();
        let tag = name.to_owned();
        std::thread::spawn(move || {
            let mut ready_sent = false;
            for line in BufReader::new(stdout).lines().map_while(|l| l.ok()) {
                if !ready_sent {
                    if let Some(rest) = line.strip_prefix(&prefix) {
                        ready_sent = true;
                        let _ = tx.send(rest.trim().to_owned());
                        continue;
                    }
                }
                println!("[{tag}] {line}");
            }
        });
        let mut service = Service { name: name.to_owned(), child };
        match rx.recv_timeout(timeout) {
            Ok(rest) => Ok((service, rest)),
            Err(_) => {
                service.stop();
                Err(format!("{name} did not report ready within {} s", timeout.as_secs()))
            }
        }
    }

    /// Waits for the service to exit by itself (the demo runs until Ctrl-C).
    pub fn wait(&mut self) -> Result {
        let status = self.child.wait().map_err(|e| format!("{}: {e}", self.name))?;
        Err(format!("{} exited ({status})", self.name))
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        self.stop();
    }
}

fn describe(cmd: &Command) -> String {
    let mut parts = vec![cmd.get_program().to_string_lossy().into_owned()];
    parts.extend(cmd.get_args().map(|a| a.to_string_lossy().into_owned()));
    parts.join(" ")
}
