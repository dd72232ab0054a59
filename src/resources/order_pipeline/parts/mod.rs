//! One file per AWS primitive the pipeline owns, each with find / ensure-or-create / delete
//! helpers. Deletes treat not-found as done; creates adopt what an interrupted run made.

pub mod alarms;
pub mod function;
pub mod queues;
