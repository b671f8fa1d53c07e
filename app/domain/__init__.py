"""The domain: enumerations with their translated labels, the mapped entities, and pure rules."""
