//! A contract whose installer chooses how events are recorded: its events carry no fixed mode,
//! its installer takes `events_mode`, and its schema lists that argument.
use casper_dsl::events::{Event, EventsMode};

#[casper_dsl::contract(events = chosen_at_install)]
pub mod token {
    use casper_dsl::prelude::*;

    /// Tokens destroyed.
    #[event]
    pub struct Burn {
        pub amount: U256,
    }

    /// Destroys `amount` of the caller's tokens.
    #[entry_point]
    pub fn burn(amount: U256) {
        emit(Burn { amount });
    }
}

fn main() {
    assert_eq!(token::Burn::MODE, None);
    let install = token::installer().with_events_mode(EventsMode::NativeAndCes);
    assert!(install.args.get("events_mode").is_some());
    // The schema is described on the host only.
    #[cfg(not(target_arch = "wasm32"))]
    {
        let schema = token::__casper_dsl_schema().to_schema("rustc");
        let install = schema.call.unwrap().arguments;
        let install: Vec<_> = install.into_iter().map(|arg| arg.name).collect();
        assert_eq!(install, ["events_mode", "upgrade"]);
        let burn = schema.entry_points[0].description.as_deref();
        assert_eq!(burn, Some("Destroys `amount` of the caller's tokens."));
    }
}
