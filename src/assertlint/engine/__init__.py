"""The rule engine: rules → matchers (compile), the trigger gate, the context layer, findings."""
