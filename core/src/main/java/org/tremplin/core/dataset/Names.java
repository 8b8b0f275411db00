package org.tremplin.core.dataset;

/** First and family names of the synthetic learners (invented combinations, no real people). */
final class Names {
  private Names() {}

  static final String[] WOMEN = {
    "Amina", "Fatou", "Léa", "Sarah", "Inès", "Camille", "Aïcha", "Manon", "Yasmine", "Chloé",
    "Mariam", "Julie", "Nadia", "Emma", "Sofia", "Kadiatou", "Lina", "Océane", "Samira", "Clara",
    "Awa", "Jade", "Leïla", "Anaïs", "Hawa", "Lucie", "Nour", "Elif", "Mélissa", "Zoé"
  };

  static final String[] MEN = {
    "Mohamed", "Lucas", "Adam", "Yanis", "Hugo", "Karim", "Moussa", "Théo", "Bilal", "Nathan",
    "Mamadou", "Louis", "Ilyes", "Enzo", "Samuel", "Rayan", "Kevin", "Ibrahima", "Jules", "Omar",
    "Mehdi", "Thomas", "Souleymane", "Maxime", "Amadou", "Axel", "Youssef", "Dylan", "Ali", "Noah"
  };

  static final String[] FAMILY = {
    "Martin",
    "Bernard",
    "Diallo",
    "Traoré",
    "Dubois",
    "Benali",
    "Nguyen",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Camara",
    "Haddad",
    "Simon",
    "Laurent",
    "Lefebvre",
    "Michel",
    "Garcia",
    "Keita",
    "Bouzid",
    "Fournier",
    "Girard",
    "Bonnet",
    "Sy",
    "Mercier",
    "Dupont",
    "Lambert",
    "Fontaine",
    "Rousseau",
    "Mendy",
    "Ndiaye",
    "Cissé",
    "Yilmaz",
    "Da Silva",
    "Ferreira",
    "Morel",
    "Blanc",
    "Guerin",
    "Boyer",
    "Kone",
    "Chevalier",
    "François",
    "Legrand",
    "Gauthier",
    "Sow",
    "Belkacem",
    "Rahmani",
    "Roux",
    "Vincent",
    "Fabre",
    "Tran",
    "Lopez",
    "Kaya",
    "Meziane",
    "Colin",
    "Perrin",
    "Sanchez",
    "Barry",
    "Fofana",
    "Mathieu"
  };

  static final String[] MEETING_NOTES = {
    "Point d'étape sur le parcours",
    "Préparation de la recherche de stage",
    "Suivi des démarches administratives",
    "Bilan de la période de formation",
    "Travail sur le projet professionnel",
    "Préparation aux entretiens d'embauche",
    "Point sur les freins périphériques",
    "Suivi de l'assiduité"
  };
}
