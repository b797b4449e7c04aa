/**
 * Partners: each association's directory of partner structures (sites, contacts, partnership levels
 * and exchanges), and later its conventions, places, bookings and the orientation of persons.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Partners")
package fr.passerelle.partners;
