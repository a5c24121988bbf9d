//! Where a request's `Authorization` header comes from: a key the user typed, a whole header
//! value a host handed over, nothing (a proxy adds it), or a host asked each time it is needed
//! (before the first request, and once more after a 401).

use super::error::ApiError;
use super::secret::authorization_value;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;

/// What a host answers when asked for the credential: the header value, or `None` for "send no
/// `Authorization`"; `Err(())` when asking failed (the host threw or rejected).
pub type Answer = Result<Option<String>, ()>;

/// How a host is asked: called once per need; concurrent needs are the host's to share.
pub type Ask = Box<dyn Fn() -> Pin<Box<dyn Future<Output = Answer>>>>;

/// The credential a client sends with every request.
#[derive(Clone)]
pub enum Credential {
    /// A master API key: sent as `TD1 <key>`.
    ApiKey(Arc<str>),
    /// A whole header value (`TD1 <key>` or `Bearer <token>`), as a host handed it over.
    Header(Arc<str>),
    /// No `Authorization` at all: a same-origin proxy adds it.
    None,
    /// Asked of the embedding host when needed.
    Host(HostCredential),
}

impl Credential {
    /// The secret part, to scrub from error messages (a proxy may echo headers back).
    pub(crate) fn secret(&self) -> Option<String> {
        match self {
            Self::ApiKey(key) => Some(key.to_string()),
            Self::Header(value) => Some(secret_of(value).to_owned()),
            Self::Host(host) => host.last_value().map(|v| secret_of(&v).to_owned()),
            Self::None => None,
        }
    }
}

/// The token after the scheme (`TD1 `, `Bearer `), or the whole value.
fn secret_of(value: &str) -> &str {
    value.trim().split_once(' ').map_or(value.trim(), |(_, token)| token.trim())
}

/// A header value the browser accepts (`Headers.append` throws on anything else, which would
/// abort the app): visible ASCII and spaces. Anything else counts as refused, never echoed.
pub fn checked_header(value: &str) -> Result<String, ApiError> {
    let value = value.trim();
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_graphic() || b == b' ') {
        return Err(ApiError::Unauthorized);
    }
    Ok(value.to_owned())
}

/// The `Authorization` value to send, if any, and which answer of the host it came from (0 for
/// credentials that never change).
pub(crate) async fn header_for(credential: &Credential) -> Result<(Option<String>, u32), ApiError> {
    match credential {
        Credential::ApiKey(key) => Ok((Some(authorization_value(key)?), 0)),
        Credential::Header(value) => Ok((Some(checked_header(value)?), 0)),
        Credential::None => Ok((None, 0)),
        Credential::Host(host) => host.current().await,
    }
}

/// The host's credential, asked lazily and kept until a 401 says it is stale. Clones share it.
#[derive(Clone)]
pub struct HostCredential(Arc<send_wrapper::SendWrapper<Rc<HostState>>>);

struct HostState {
    ask: Ask,
    /// The last answer, once there is one.
    value: RefCell<Option<Option<String>>>,
    /// How many answers the host has given; a 401 on an older one just retries with the newest.
    answers: Cell<u32>,
}

impl HostCredential {
    pub fn new(ask: Ask) -> Self {
        let state = HostState { ask, value: RefCell::new(None), answers: Cell::new(0) };
        Self(Arc::new(send_wrapper::SendWrapper::new(Rc::new(state))))
    }

    fn last_value(&self) -> Option<String> {
        self.0.value.borrow().clone().flatten()
    }

    /// The value to send now: the last answer, or the host's first.
    async fn current(&self) -> Result<(Option<String>, u32), ApiError> {
        let known = self.0.value.borrow().clone();
        match known {
            Some(value) => Ok((value, self.0.answers.get())),
            None => self.ask_again(self.0.answers.get()).await,
        }
    }

    /// After a 401 on the value of answer `refused`: asks the host once more, unless a newer
    /// answer has come in meanwhile (another request got its 401 first).
    pub(crate) async fn ask_again(&self, refused: u32) -> Result<(Option<String>, u32), ApiError> {
        let answers = self.0.answers.get();
        if answers > refused {
            return Ok((self.last_value(), answers));
        }
        let answer = (self.0.ask)().await.map_err(|()| ApiError::Unauthorized)?;
        let value = answer.map(|v| checked_header(&v)).transpose()?;
        let answers = self.0.answers.get() + 1;
        self.0.answers.set(answers);
        *self.0.value.borrow_mut() = Some(value.clone());
        Ok((value, answers))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(values: Vec<Answer>) -> (HostCredential, Rc<Cell<usize>>) {
        let asked = Rc::new(Cell::new(0));
        let a = asked.clone();
        let values = Rc::new(values);
        let ask: Ask = Box::new(move || {
            let n = a.get();
            a.set(n + 1);
            let answer = values.get(n).cloned().unwrap_or(Ok(None));
            Box::pin(async move { answer })
        });
        (HostCredential::new(ask), asked)
    }

    /// A minimal `block_on`: the futures here never wait on anything.
    fn run<T>(f: impl Future<Output = T>) -> T {
        let waker = std::task::Waker::noop();
        let mut cx = std::task::Context::from_waker(waker);
        let mut f = std::pin::pin!(f);
        loop {
            if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) {
                return v;
            }
        }
    }

    #[test]
    fn asks_once_then_keeps_the_answer() {
        let (h, asked) = host(vec![Ok(Some("TD1 1/abc".into()))]);
        let c = Credential::Host(h);
        assert_eq!(run(header_for(&c)).unwrap(), (Some("TD1 1/abc".into()), 1));
        assert_eq!(run(header_for(&c)).unwrap(), (Some("TD1 1/abc".into()), 1));
        assert_eq!(asked.get(), 1);
        assert_eq!(c.secret().as_deref(), Some("1/abc"));
    }

    #[test]
    fn a_refusal_asks_again_once_per_answer() {
        let (h, asked) = host(vec![Ok(Some("Bearer old".into())), Ok(Some("Bearer new".into()))]);
        assert_eq!(run(h.current()).unwrap().1, 1);
        // Two requests refused with answer 1: only the first asks; the second takes its answer.
        assert_eq!(run(h.ask_again(1)).unwrap(), (Some("Bearer new".into()), 2));
        assert_eq!(run(h.ask_again(1)).unwrap(), (Some("Bearer new".into()), 2));
        assert_eq!(asked.get(), 2);
    }

    #[test]
    fn null_sends_nothing_and_failures_or_bad_values_refuse() {
        let (h, _) = host(vec![Ok(None)]);
        assert_eq!(run(h.current()).unwrap(), (None, 1));
        let (h, _) = host(vec![Err(())]);
        assert_eq!(run(h.current()), Err(ApiError::Unauthorized));
        let (h, _) = host(vec![Ok(Some("TD1 key\nInjected: x".into()))]);
        assert_eq!(run(h.current()), Err(ApiError::Unauthorized));
    }

    #[test]
    fn header_values() {
        assert_eq!(checked_header(" Bearer abc.def ").as_deref(), Ok("Bearer abc.def"));
        assert_eq!(checked_header(""), Err(ApiError::Unauthorized));
        assert_eq!(checked_header("TD1 ké"), Err(ApiError::Unauthorized));
        assert_eq!(Credential::Header("TD1 1/xyz".into()).secret().as_deref(), Some("1/xyz"));
        assert_eq!(Credential::None.secret(), None);
    }
}
