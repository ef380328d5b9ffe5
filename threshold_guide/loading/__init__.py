"""Reading files: YAML parsing with positions, canonical hashing, finding documents."""
