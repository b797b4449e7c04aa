/**
 * Surveys: the federation builds a survey (sections and questions of several kinds, conditions,
 * answers pre-filled from the association's own Passerelle figures), sends it to all members, a
 * region or the associations offering a measure type, follows the response rate and reminds; each
 * targeted association prepares one answer, submitted by its director. The federation reads the
 * submitted answers as charts, tables and exports, and may publish results beyond itself through the
 * observatory's small-cell suppression.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Surveys")
package fr.passerelle.surveys;
