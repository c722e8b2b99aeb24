"""Downtime: the ward's paper packet on a laptop, for when the electronic health record is down."""

__version__ = "0.1.0"
