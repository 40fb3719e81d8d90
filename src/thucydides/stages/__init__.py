"""Pipeline stages, one module each; every module exposes ``make_stage(context) -> Stage``."""
