package dev.belay.autoconfigure.tripseed;

/** A bean of the application that injects the seeder by its own class. */
public class SeederUser {

    private final TripSeeder seeder;

    public SeederUser(TripSeeder seeder) {
        this.seeder = seeder;
    }

    public TripSeeder seeder() {
        return this.seeder;
    }

}
