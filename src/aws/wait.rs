//! The one generic waiter: poll until a target state, with jittered backoff, a deadline shared
//! by the whole operation (from the `timeouts` block) and the stop signal. Time comes from
//! tokio's clock, so tests pause it and run instantly.

use std::time::Duration;

use rand::Rng;
use tokio::time::Instant;

use super::AwsError;
use crate::resources::StopSignal;

/// What one poll saw.
pub enum Poll<T> {
    /// Target state reached.
    Done(T),
    /// Still moving; the string is the state seen (for messages and logs).
    Pending(String),
}

/// Deadline and pacing for every wait within one Terraform operation.
#[derive(Clone)]
pub struct Waiter {
    pub deadline: Instant,
    pub first_delay: Duration,
    pub max_delay: Duration,
    pub stop: Option<StopSignal>,
}

impl Waiter {
    pub fn new(timeout: Duration, stop: Option<StopSignal>) -> Waiter {
        Waiter {
            deadline: Instant::now() + timeout,
            first_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(15),
            stop,
        }
    }

    /// Polls `check` until it returns Done, an error, the deadline or a stop.
    pub async fn until<T, F, Fut>(&self, what: &str, mut check: F) -> Result<T, AwsError>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<Poll<T>, AwsError>>,
    {
        let start = Instant::now();
        let mut delay = self.first_delay;
        loop {
            let last = match check().await? {
                Poll::Done(v) => return Ok(v),
                Poll::Pending(state) => state,
            };
            let now = Instant::now();
            if now >= self.deadline {
                return Err(AwsError::Timeout {
                    what: what.to_string(),
                    last,
                    waited_secs: (now - start).as_secs(),
                });
            }
            crate::debug!("waiting for {what}: {last}");
            // Full jitter between half and all of the delay spreads concurrent waiters.
            let jittered = delay.mul_f64(rand::rng().random_range(0.5..=1.0));
            let sleep = tokio::time::sleep_until((now + jittered).min(self.deadline));
            match &self.stop {
                Some(stop) => tokio::select! {
                    _ = sleep => {}
                    _ = stop.stopped() => return Err(AwsError::Cancelled),
                },
                None => sleep.await,
            }
            delay = (delay * 2).min(self.max_delay);
        }
    }
}

/// Parses Terraform-style durations: "90s", "45m", "1h30m".
pub fn parse_duration(text: &str) -> Option<Duration> {
    let mut total = 0u64;
    let mut num = String::new();
    for c in text.trim().chars() {
        if c.is_ascii_digit() {
            num.push(c);
        } else {
            let n: u64 = num.parse().ok()?;
            num.clear();
            total += n * match c {
                'h' => 3600,
                'm' => 60,
                's' => 1,
                _ => return None,
            };
        }
    }
    (num.is_empty() && total > 0).then(|| Duration::from_secs(total))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    #[tokio::test(start_paused = true)]
    async fn waits_until_done_without_real_sleeping() {
        let polls = AtomicU32::new(0);
        let w = Waiter::new(Duration::from_secs(600), None);
        let started = std::time::Instant::now();
        let v = w
            .until("cluster", || async {
                let n = polls.fetch_add(1, Ordering::SeqCst);
                Ok(if n < 5 { Poll::Pending("creating".into()) } else { Poll::Done(n) })
            })
            .await
            .unwrap();
        assert_eq!(v, 5);
        assert!(started.elapsed() < Duration::from_secs(1), "the paused clock did the waiting");
    }

    #[tokio::test(start_paused = true)]
    async fn deadline_gives_timeout_with_last_state() {
        let w = Waiter::new(Duration::from_secs(30), None);
        let err = w
            .until("instance", || async { Ok::<Poll<()>, _>(Poll::Pending("modifying".into())) })
            .await
            .unwrap_err();
        assert!(matches!(err, AwsError::Timeout { ref last, .. } if last == "modifying"), "{err}");
    }

    #[tokio::test(start_paused = true)]
    async fn stop_signal_cancels_a_wait() {
        let (tx, rx) = tokio::sync::watch::channel(false);
        let w = Waiter::new(Duration::from_secs(3600), Some(StopSignal(rx)));
        let wait = w.until("cluster", || async { Ok::<Poll<()>, _>(Poll::Pending("creating".into())) });
        let stopper = async {
            tokio::time::sleep(Duration::from_secs(5)).await;
            tx.send_replace(true);
        };
        let (res, _) = tokio::join!(wait, stopper);
        assert!(matches!(res, Err(AwsError::Cancelled)));
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90s"), Some(Duration::from_secs(90)));
        assert_eq!(parse_duration("1h30m"), Some(Duration::from_secs(5400)));
        assert_eq!(parse_duration("45"), None);
        assert_eq!(parse_duration("5d"), None);
        assert_eq!(parse_duration(""), None);
    }
}
