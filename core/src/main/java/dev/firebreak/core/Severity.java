package dev.firebreak.core;

/** How bad an alert is: P1 wakes someone up, P4 can wait. */
public enum Severity { P1, P2, P3, P4 }
