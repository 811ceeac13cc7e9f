package dev.belay.sample.rides;

/** What kind of ride it was; a native PostgreSQL enum in the database. */
public enum RideType {

    ROAD, GRAVEL, MTB, COMMUTE

}
